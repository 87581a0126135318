import {describe, expect, it} from 'vitest';
import {isSandboxLoginUrl, LoginUrlError, loginUrls, resolveLoginUrl} from '../../source/core/login-url.js';

describe('resolveLoginUrl', () => {
	it('turns the words production and sandbox into the shared login hosts', () => {
		expect(resolveLoginUrl('production')).toBe('https://login.salesforce.com');
		expect(resolveLoginUrl('sandbox')).toBe('https://test.salesforce.com');
		expect(resolveLoginUrl('  sandbox ')).toBe(loginUrls.sandbox);
	});

	it('gives a bare host https, and keeps only the origin of a URL', () => {
		expect(resolveLoginUrl('acme.my.salesforce.com')).toBe('https://acme.my.salesforce.com');
		expect(resolveLoginUrl('https://acme.my.salesforce.com/')).toBe('https://acme.my.salesforce.com');
		expect(resolveLoginUrl('https://acme--uat.sandbox.my.salesforce.com/services/oauth2/token?x=1')).toBe('https://acme--uat.sandbox.my.salesforce.com');
		expect(resolveLoginUrl('HTTPS://Login.Salesforce.com')).toBe('https://login.salesforce.com');
	});

	it('refuses plain HTTP to anything but this machine', () => {
		expect(() => resolveLoginUrl('http://acme.my.salesforce.com')).toThrow(LoginUrlError);
		expect(() => resolveLoginUrl('http://acme.my.salesforce.com')).toThrow(/not HTTPS/);
		expect(() => resolveLoginUrl('ftp://acme.my.salesforce.com')).toThrow(LoginUrlError);
	});

	it('accepts plain HTTP on the loopback, where the demo org listens', () => {
		expect(resolveLoginUrl('http://127.0.0.1:4321')).toBe('http://127.0.0.1:4321');
		expect(resolveLoginUrl('http://localhost:4321/')).toBe('http://localhost:4321');
		expect(resolveLoginUrl('http://[::1]:4321')).toBe('http://[::1]:4321');
	});

	it('refuses a Lightning address, pointing at the My Domain login address', () => {
		const attempt = () => resolveLoginUrl('https://acme.lightning.force.com/lightning/page/home');
		expect(attempt).toThrow(LoginUrlError);
		expect(attempt).toThrow(/https:\/\/acme\.lightning\.force\.com is a Lightning address.*my\.salesforce\.com/);
		expect(() => resolveLoginUrl('acme.lightning.force.com')).toThrow(/Lightning address/);
	});

	it('refuses text that is no URL, saying what to give', () => {
		expect(() => resolveLoginUrl('not a url')).toThrow(LoginUrlError);
		expect(() => resolveLoginUrl('not a url')).toThrow(/"not a url" is not a login URL: give production, sandbox, or your My Domain address/);
	});
});

describe('isSandboxLoginUrl', () => {
	it('is true for test.salesforce.com and sandbox My Domains', () => {
		expect(isSandboxLoginUrl('https://test.salesforce.com')).toBe(true);
		expect(isSandboxLoginUrl('https://acme--uat.sandbox.my.salesforce.com')).toBe(true);
	});

	it('is false for production, production My Domains and the demo org', () => {
		expect(isSandboxLoginUrl('https://login.salesforce.com')).toBe(false);
		expect(isSandboxLoginUrl('https://acme.my.salesforce.com')).toBe(false);
		expect(isSandboxLoginUrl('https://sandbox.my.salesforce.com.evil.example')).toBe(false);
		expect(isSandboxLoginUrl('http://127.0.0.1:4321')).toBe(false);
	});
});
