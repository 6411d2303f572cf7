-- wrk: POST a project (the token comes with -H); with a project quota, each one counts the tenant's projects.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"name":"bench project"}'
