import { describe, expect, it } from 'vitest';
import { siteUrl, workspaceUrl } from './links';

const at = (href: string) => new URL(href) as unknown as Location;

describe('links between the site and the workspaces', () => {
  it('puts the key in front of the base domain, keeping scheme and port', () => {
    expect(workspaceUrl('acme', at('http://localhost:8000/signup'))).toBe('http://acme.localhost:8000');
    expect(workspaceUrl('acme', at('https://www.gateway.example/login'))).toBe('https://acme.gateway.example');
  });

  it('finds the site from a workspace', () => {
    expect(siteUrl(at('http://acme.localhost:8000/login'))).toBe('http://localhost:8000');
    expect(siteUrl(at('https://acme.gateway.example/'))).toBe('https://gateway.example');
  });
});
