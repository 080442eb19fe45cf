#!/usr/bin/env bash
# The set-up pages of a draft tender under load (docs/performance.md, "Set-up pages and bid uploads
# in the site"). Signs in as the seeded owner with curl, then for each connection count and page
# checks the page answers 200, warms it with wrk for 3 s and measures it for the given seconds.
#
# wrk's default timeout (2 s) would drop the slowest requests from its latency record, so it is
# raised to 30 s; report.lua prints how many timed out all the same.
#
# Usage: benchmarks/wrk/setup-pages.sh <base-url> <tender-id> [seconds] [connections...]
# e.g.   benchmarks/wrk/setup-pages.sh http://127.0.0.1:5111 <id from seed-setup> 15 1 10
# PAGES='setup setup/scale' measures only those pages (paths after /tenders/<id>/).
set -euo pipefail

base=${1:?base url}
id=${2:?tender id}
seconds=${3:-15}
shift $(( $# < 3 ? $# : 3 ))
connections=("$@")
if [ ${#connections[@]} -eq 0 ]; then
  connections=(1 10)
fi

here=$(cd "$(dirname "$0")" && pwd)
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT

token=$(curl -s -c "$jar" -b "$jar" "$base/account/sign-in" \
  | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
status=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{http_code}' \
  --data-urlencode 'Input.Email=load-owner@example.nhs.uk' \
  --data-urlencode 'Input.Password=violet kettle harbour lantern' \
  --data-urlencode "__RequestVerificationToken=$token" "$base/account/sign-in")
if [ "$status" != 302 ]; then
  echo "signing in answered $status, not a redirect" >&2
  exit 1
fi
cookie=$(awk '/oh-commissioning/ { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar")

default_pages=(
  setup
  setup/details
  setup/members
  setup/members/add
  setup/lots
  'setup/criteria?lot=lot-1'
  'setup/criteria/questions?lot=lot-1'
  'setup/question?lot=lot-1&question=Q1.1'
  'setup/gates?lot=lot-1'
  'setup/price?lot=lot-1'
  setup/scale
  setup/dates
  setup/people
)
if [ -n "${PAGES:-}" ]; then
  read -r -a pages <<< "$PAGES"
else
  pages=("${default_pages[@]}")
fi

for c in "${connections[@]}"; do
  threads=$(( c < 2 ? 1 : 2 ))
  for page in "${pages[@]}"; do
    url="$base/tenders/$id/$page"
    read -r code size < <(curl -s -H "Cookie: $cookie" -o /dev/null -w '%{http_code} %{size_download}\n' "$url")
    if [ "$code" != 200 ]; then
      echo "$page answered $code" >&2
      exit 1
    fi
    wrk -t"$threads" -c"$c" -d3s --timeout 30s -H "Cookie: $cookie" "$url" > /dev/null
    printf '%s | %s connections | %s bytes | load %s | ' "/tenders/{id}/$page" "$c" "$size" "$(cut -d' ' -f1-3 /proc/loadavg)"
    wrk -t"$threads" -c"$c" -d"${seconds}s" --timeout 30s -H "Cookie: $cookie" -s "$here/report.lua" "$url" | tail -n 1
  done
done
