for a in "$@"; do
  best=999
  for i in 1 2 3; do
    if [ "$a" = floor ]; then ch=./floor-child.tmp.ts; else ch=./prof-child.tmp.ts; fi
    v=$(ABL=$a CHILD=$ch DUR=3 timeout 120 node --conditions=source prof.tmp.ts 2>&1 | grep cpu | awk '{print $3}')
    best=$(python3 -c "print(min($best, $v))")
  done
  echo "ABL=[$a] min cpu µs/req $best"
done
