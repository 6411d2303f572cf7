#!/bin/sh
# Starts redis-server with the platform's users (users.acl next to this script). Each ${REDIS_PASSWORD_...} in it is
# replaced by the SHA-256 of that environment variable, so the ACL file written holds no password; a variable that is
# unset or empty stops the start.
# Usage: redis-server.sh <directory for the ACL file> [redis-server options...]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
dir=$1
shift
umask 077
acl="$dir/users.acl"
: > "$acl.new"
while IFS= read -r line || [ -n "$line" ]; do
  case $line in '#'* | '') continue ;; esac
  while :; do
    case $line in *'${'*'}'*) ;; *) break ;; esac
    name=${line#*\$\{}
    name=${name%%\}*}
    value=$(printenv "$name" || true)
    if [ -z "$value" ]; then
      echo "redis-server.sh: $name is not set; every Redis user needs a password" >&2
      rm -f "$acl.new"
      exit 1
    fi
    hash=$(printf '%s' "$value" | sha256sum | cut -d ' ' -f 1)
    line=$(printf '%s\n' "$line" | sed "s/\${$name}/$hash/")
  done
  printf '%s\n' "$line" >> "$acl.new"
done < "$here/users.acl"
mv "$acl.new" "$acl"
exec redis-server "$@" --aclfile "$acl"
