import type { Settings, SignupPolicy } from '../api/types';

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
  website: string;
  description: string;
}

export function draftOf(settings: Settings): SettingsDraft {
  const profile = settings.company_profile ?? {};
  return {
    signup_policy: settings.signup_policy ?? 'approval',
    domains: (settings.allowed_email_domains ?? []).join(', '),
    website: typeof profile.website === 'string' ? profile.website : '',
    description: typeof profile.description === 'string' ? profile.description : '',
  };
}

/** The PUT body: the profile keeps any other keys it has; empty profile fields are left out. */
export function changesOf(draft: SettingsDraft, current: Settings): Settings {
  const profile = { ...(current.company_profile ?? {}) };
  delete profile.website;
  delete profile.description;
  if (draft.website.trim()) profile.website = draft.website.trim();
  if (draft.description.trim()) profile.description = draft.description.trim();
  return { signup_policy: draft.signup_policy, allowed_email_domains: parseDomains(draft.domains), company_profile: profile };
}
