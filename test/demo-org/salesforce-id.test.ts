import {describe, expect, it} from 'vitest';
import {idMinter, normaliseSalesforceId, toEighteenCharacterId} from '../../source/demo-org/salesforce-id.js';

describe('Salesforce ids', () => {
	it('adds the case-folding checksum that makes an id 18 characters', () => {
		expect(toEighteenCharacterId('001A0000006Vm9r')).toBe('001A0000006Vm9rIAC');
		expect(toEighteenCharacterId('005000000000000')).toBe('005000000000000AAA');
	});

	it('accepts 15- and 18-character ids and refuses the rest', () => {
		expect(normaliseSalesforceId('001A0000006Vm9r')).toBe('001A0000006Vm9rIAC');
		expect(normaliseSalesforceId('001A0000006Vm9riac')).toBe('001A0000006Vm9rIAC');
		expect(normaliseSalesforceId('001A0000006Vm9rAAA')).toBeNull();
		expect(normaliseSalesforceId('001A0000006Vm9')).toBeNull();
		expect(normaliseSalesforceId("001A0000006Vm9r' OR")).toBeNull();
	});

	it('mints consecutive ids with the key prefix', () => {
		const mint = idMinter('005', 'Dm', 35);
		expect(mint(0)).toBe(toEighteenCharacterId('005Dm000000000Z'));
		expect(mint(1)).toBe(toEighteenCharacterId('005Dm000000000a'));
		expect(mint(2)).toBe(toEighteenCharacterId('005Dm000000000b'));
		expect(idMinter('005', 'Dm', 61)(1)).toBe(toEighteenCharacterId('005Dm0000000010'));
	});
});
