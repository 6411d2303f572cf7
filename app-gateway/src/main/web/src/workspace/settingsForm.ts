import type { CompanyProfile, Settings, SignupPolicy } from '../api/types';

export const POLICIES: { value: SignupPolicy; label: string; help: string }[] = [
  { value: 'closed', label: 'Closed', help: 'Only people an admin invites can join.' },
  { value: 'approval', label: 'Approval', help: 'Anyone can ask to join; an admin approves or rejects each request.' },
  { value: 'open', label: 'Open', help: "Anyone can join at once, as long as the plan's user limit allows." },
];

/** "acme.com, @Acme.de  example.org" -> ["acme.com", "acme.de", "example.org"] */
export function parseDomains(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((d) => d.trim().replace(/^@/, '').toLowerCase())
    .filter(Boolean);
}

export interface SettingsDraft {
  signup_policy: SignupPolicy;
  domains: string;
  displayName: string;
  website: string;
  description: string;
}

export function draftOf(settings: Settings): SettingsDraft {
  const profile = settings.company_profile ?? {};
  return {
    signup_policy: settings.signup_policy ?? 'approval',
    domains: (settings.allowed_email_domains ?? []).join(', '),
    displayName: typeof profile.display_name === 'string' ? profile.display_name : '',
    website: typeof profile.website === 'string' ? profile.website : '',
    description: typeof profile.description === 'string' ? profile.description : '',
  };
}

const PROFILE_FIELDS = { displayName: 'display_name', website: 'website', description: 'description' } as const;

/** The PUT body; the company profile holds the fields filled in (the server knows no others). */
export function changesOf(draft: SettingsDraft): Settings {
  const profile: CompanyProfile = {};
  for (const [field, key] of Object.entries(PROFILE_FIELDS)) {
    const value = draft[field as keyof typeof PROFILE_FIELDS].trim();
    if (value) profile[key] = value;
  }
  return { signup_policy: draft.signup_policy, allowed_email_domains: parseDomains(draft.domains), company_profile: profile };
}
