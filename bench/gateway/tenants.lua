-- wrk: every request as one tenant, with that tenant's own token, the tenant drawn from a Zipf
-- distribution over the token file's lines (rank = line number; s = 0 is uniform).
--   wrk ... -s tenants.lua <url> -- <token file> <s> <share of POST task requests> <project id>
-- Token file: one bearer token per line. GET /api/projects, or POST /api/projects/<id>/tasks for the share.
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
end

local tokens, cdf = {}, {}
local post_share, project

function init(args)
  for line in io.lines(args[1]) do
    tokens[#tokens + 1] = "Bearer " .. line
  end
  local s = tonumber(args[2])
  post_share = tonumber(args[3] or "0")
  project = args[4]
  local total = 0
  for k = 1, #tokens do
    total = total + 1 / k ^ s
    cdf[k] = total
  end
  for k = 1, #tokens do
    cdf[k] = cdf[k] / total
  end
  math.randomseed(os.time() * 1000 + (seed or 0))
end

local function pick()
  local u, lo, hi = math.random(), 1, #cdf
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if cdf[mid] < u then lo = mid + 1 else hi = mid end
  end
  return tokens[lo]
end

function request()
  local headers = { Authorization = pick() }
  if post_share > 0 and math.random() < post_share then
    headers["Content-Type"] = "application/json"
    return wrk.format("POST", "/api/projects/" .. project .. "/tasks", headers, '{"title":"bench task"}')
  end
  return wrk.format("GET", "/api/projects", headers)
end
