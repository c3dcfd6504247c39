#!/usr/bin/env bash
# Measures the figures in docs/performance.md on this machine. Run from the repository root:
#   bash docs/benchmarks/measure.sh                 # demo network (start-up, seed, pages, memory)
#   BENCH_DEALERS=2 BENCH_CUSTOMERS=20000 bash docs/benchmarks/measure.sh big   # front-desk pages on a big network
#   BENCH_DATA=/tmp/mt-bench-wo BENCH_CUSTOMERS=25000 BENCH_YEARS=5 bash docs/benchmarks/measure.sh big   # ~30,000 work orders per dealer
#   BENCH_DATA=/tmp/mt-bench-wo BENCH_CUSTOMERS=25000 BENCH_YEARS=5 bash docs/benchmarks/measure.sh workorders   # only the work-order pages
#   BENCH_DATA=/tmp/mt-bench-wo BENCH_CUSTOMERS=25000 BENCH_YEARS=5 bash docs/benchmarks/measure.sh reports      # every report: a month of one dealer, a year of the network
# It builds Release, uses its own data folders under /tmp and port 5190, and prints one line per figure.
set -euo pipefail
mode=${1:-demo}
port=5190
base="http://127.0.0.1:$port"
app="MotorTrace.Web/bin/Release/net10.0/MotorTrace.Web.dll"
export ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$base" ASPNETCORE_CONTENTROOT="$PWD/MotorTrace.Web"
export Logging__LogLevel__Default=Warning

dotnet build MotorTrace.Web -c Release -v q -nologo >/dev/null

wait_healthy() { # prints seconds from $1 (date +%s.%N) to the first 200 of /healthz
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/healthz")" = 200 ]; do sleep 0.05; done
  python3 -c "import time; print(f'{time.time() - $1:.2f}')"
}

start_app() { # $1 data folder; sets pid
  MotorTrace__DataFolder="$1" dotnet "$app" >/tmp/mt-bench-app.log 2>&1 &
  pid=$!
}

stop_app() { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; }

sign_in() { # $1 email → cookie jar /tmp/mt-bench.cj
  rm -f /tmp/mt-bench.cj
  token=$(curl -s -c /tmp/mt-bench.cj -b /tmp/mt-bench.cj "$base/account/login" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | sed 's/.*value="//;s/"//')
  curl -s -c /tmp/mt-bench.cj -b /tmp/mt-bench.cj -o /dev/null -X POST "$base/account/login" \
    --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "_handler=login" \
    --data-urlencode "Input.Email=$1" --data-urlencode "Input.Password=MotorTrace-Demo-1"
}

server_times() { # $1 label, $2 path, $3 count: median and p95 of Server-Timing app;dur, and SQL statements per request
  for _ in $(seq 1 "${WARM:-20}"); do curl -s -o /dev/null -b /tmp/mt-bench.cj "$base$2"; done # warm-up
  for _ in $(seq 1 "$3"); do
    curl -s -D - -o /dev/null -b /tmp/mt-bench.cj "$base$2" | grep -i '^server-timing' || true
  done | python3 -c "
import re, statistics, sys
rows = [re.findall(r'dur=([0-9.]+)', l) for l in sys.stdin]
app = sorted(float(r[0]) for r in rows); sql = sorted(int(float(r[1])) for r in rows)
p95 = app[int(len(app) * 0.95) - 1]
print(f'$1: {len(app)} requests, median {statistics.median(app):.1f} ms, p95 {p95:.1f} ms, SQL statements per request {sql[0]}-{sql[-1]}')"
}

if [ "$mode" = demo ]; then
  data=$(mktemp -d /tmp/mt-bench-demo.XXXX)
  t0=$(date +%s.%N); start_app "$data"
  echo "First run (empty folder: schema + demo seed) to a 200 from /healthz: $(wait_healthy "$t0") s"
  stop_app
  t0=$(date +%s.%N); start_app "$data"
  echo "Cold start with an existing database to a 200 from /healthz: $(wait_healthy "$t0") s"
  sign_in admin@motortrace.test
  server_times "/ as admin" "/" 200
  server_times "/admin/users as admin" "/admin/users" 200
  sign_in advisor@d1.motortrace.test
  server_times "/ as advisor" "/" 200
  sleep 10
  echo "Memory after the requests and 10 s idle: $(awk '/VmRSS/{printf "%d MB RSS", $2/1024}' /proc/$pid/status), peak $(awk '/VmHWM/{printf "%d MB", $2/1024}' /proc/$pid/status)"
  stop_app
  rm -rf "$data"
else
  data=${BENCH_DATA:-/tmp/mt-bench-big}
  if [ ! -f "$data/motortrace.db" ]; then
    mkdir -p "$data"
    t0=$(date +%s.%N)
    MotorTrace__DataFolder="$data" dotnet "$app" seed --dealers "${BENCH_DEALERS:-2}" --customers-per-dealer "${BENCH_CUSTOMERS:-20000}" --years "${BENCH_YEARS:-1}" | head -1
  fi
  t0=$(date +%s.%N); start_app "$data"
  echo "Cold start on the big network: $(wait_healthy "$t0") s"
  sign_in advisor@d1.motortrace.test
  if [ "$mode" = reports ]; then
    # The report workbook answers from the same ReportService.BuildAsync as the page, plus writing the workbook.
    month=$(python3 -c "import datetime as d; t=d.date.today().replace(day=1); e=t-d.timedelta(days=1); print(f'from={e.replace(day=1)}&to={e}')")
    year=$(python3 -c "import datetime as d; t=d.date.today(); print(f'from={t-d.timedelta(days=365)}&to={t}')")
    sign_in manager@d1.motortrace.test
    for r in sales technicians estimates comebacks appointments open-work inventory receivables warranty; do
      WARM=3 server_times "/reports/$r/xlsx, last month of dealer 1 (manager)" "/reports/$r/xlsx?$month" 20
    done
    sign_in network@motortrace.test
    for r in sales technicians estimates comebacks appointments open-work inventory receivables warranty; do
      WARM=1 server_times "/reports/$r/xlsx, a year of the network (network team)" "/reports/$r/xlsx?$year&group=month" 5
    done
    stop_app
    exit 0
  fi
  if [ "$mode" = big ]; then
  server_times "/customers (first page) as advisor" "/customers" 200
  server_times "/customers?q=sharma (name) as advisor" "/customers?q=sharma" 200
  server_times "/customers?q=98450 (phone digits) as advisor" "/customers?q=98450" 200
  server_times "/customers?q=ku%2088 (part of a plate) as advisor" "/customers?q=ku%2088" 200
  server_times "/customers?q=MH12 (state code: half the plates match) as advisor" "/customers?q=MH12" 200
  server_times "/appointments?view=week as advisor" "/appointments?view=week" 200
  server_times "/ as advisor" "/" 200
  fi
  # The work order of dealer 1 with the most lines: the page's worst case.
  wo=$(python3 - "$data/motortrace.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(c.execute("""select w.Id from WorkOrders w join Dealers d on d.Id = w.DealerId where d.DealerCode = 'D001'
  order by (select count(*) from WorkOrderServices s where s.WorkOrderId = w.Id)
         + (select count(*) from WorkOrderParts p where p.WorkOrderId = w.Id) desc limit 1""").fetchone()[0].lower())
PY
)
  echo "Work orders of dealer 1: $(sqlite3 "$data/motortrace.db" "select count(*) from WorkOrders w join Dealers d on d.Id = w.DealerId where d.DealerCode = 'D001'")"
  server_times "/workorders (open work orders, first page) as advisor" "/workorders" 200
  server_times "/workorders?status=all (every work order, first page) as advisor" "/workorders?status=all" 200
  server_times "/workorders?status=all&q=WO-D001-0001 (number search) as advisor" "/workorders?status=all&q=WO-D001-0001" 200
  server_times "/workorders?view=board as advisor" "/workorders?view=board" 200
  server_times "/workorders/(id) (the work order with the most lines) as advisor" "/workorders/$wo" 200
  sign_in tech@d1.motortrace.test
  server_times "/workshop (my jobs) as technician" "/workshop" 200
  stop_app
fi
