-- wrk: POST a task under one project (the path is the URL given to wrk); the token comes with -H.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"title":"bench task"}'
