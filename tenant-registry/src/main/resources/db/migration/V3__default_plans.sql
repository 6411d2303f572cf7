INSERT INTO plan (key, rate_per_second, burst, max_users, features) VALUES
    ('free',         5,   10,    3, '{projects,tasks}'),
    ('starter',     50,  100,   25, '{projects,tasks,api-tokens}'),
    ('enterprise', 500, 1000, 1000, '{projects,tasks,api-tokens,sso,audit-log}')
ON CONFLICT (key) DO NOTHING;
