import {describe, expect, it} from 'vitest';
import {isPlausibleEmail, normaliseEmail, withoutSandboxSuffix} from '../../source/core/email.js';

describe('normaliseEmail', () => {
	it('trims and lower-cases', () => {
		expect(normaliseEmail('  Jane.Doe@Acme.EXAMPLE.com \t')).toBe('jane.doe@acme.example.com');
	});

	it('treats missing and blank emails as none', () => {
		expect(normaliseEmail(null)).toBeNull();
		expect(normaliseEmail(undefined)).toBeNull();
		expect(normaliseEmail('   ')).toBeNull();
	});
});

describe('isPlausibleEmail', () => {
	it.each(['a@b.co', 'jane.doe+sales@acme.example.com'])('accepts %s', (email) => {
		expect(isPlausibleEmail(email)).toBe(true);
	});

	it.each(['jane', 'jane@', '@acme.com', 'jane@acme', 'ja ne@acme.com', 'a@b@c.com', 'jane\u0007@acme.com'])(
		'rejects %j',
		(email) => {
			expect(isPlausibleEmail(email)).toBe(false);
		},
	);
});

describe('withoutSandboxSuffix', () => {
	it('removes the ".invalid" a sandbox appends, in any case, and leaves other emails alone', () => {
		expect(withoutSandboxSuffix('ann@acme.com.invalid')).toBe('ann@acme.com');
		expect(withoutSandboxSuffix('Ann@Acme.com.INVALID')).toBe('Ann@Acme.com');
		expect(withoutSandboxSuffix('ann@invalid.acme.com')).toBe('ann@invalid.acme.com');
	});
});
