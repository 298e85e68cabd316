# Sourced by the end-to-end scripts: starts a virtual X server on a display nobody else holds
# (Xvfb picks it and reports it through -displayfd, so two runs, or a server left behind by the
# previous script, never collide), exports DISPLAY and sets xvfb_pid. Needs $tmp and fail().
start_xvfb() {
  local fifo="$tmp/xvfb.display" n
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$fifo" >"$tmp/xvfb.log" 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 100); do
    n=$(head -n1 "$fifo" 2>/dev/null || true)
    [ -n "$n" ] && break
    kill -0 "$xvfb_pid" 2>/dev/null || { cat "$tmp/xvfb.log" >&2; fail "Xvfb did not start"; }
    sleep 0.1
  done
  [ -n "$n" ] || { cat "$tmp/xvfb.log" >&2; fail "Xvfb reported no display within 10 s"; }
  export DISPLAY=":$n"
  for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && return 0; sleep 0.1; done
  cat "$tmp/xvfb.log" >&2
  fail "Xvfb on $DISPLAY does not answer"
}
