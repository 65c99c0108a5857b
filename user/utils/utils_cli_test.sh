#!/bin/bash
# The utilities, built for the host, run as a user would run them: over
# real files and pipes, with their options, exit statuses and the messages
# for bad input. The arguments are the programs (bazel rootpaths).
set -u
declare -A bin
for p in "$@"; do bin[$(basename "$p")]="$PWD/$p"; done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
failures=0

# check NAME EXPECTED_OUTPUT COMMAND...: stdout must match exactly.
check() {
  local name=$1 want=$2
  shift 2
  local got
  got=$("$@" 2>/dev/null)
  if [[ "$got" != "$want" ]]; then
    echo "FAIL $name: got [$got], want [$want]"
    failures=$((failures + 1))
  fi
}

# status NAME WANT_STATUS STDERR_SUBSTRING COMMAND...: exit status and a message.
status() {
  local name=$1 want=$2 msg=$3
  shift 3
  "$@" >/dev/null 2>err.txt
  local got=$?
  if [[ $got -ne $want ]] || { [[ -n "$msg" ]] && ! grep -qF -- "$msg" err.txt; }; then
    echo "FAIL $name: status $got (want $want), stderr [$(cat err.txt)] (want [$msg])"
    failures=$((failures + 1))
  fi
}

u() { "${bin[$1]}" "${@:2}"; }

printf 'one\ntwo\nthree\nfour\nfive\n' >five.txt
printf 'a b\nc\n' >small.txt
printf 'no newline' >partial.txt
seq_input() { for i in $(seq 1 20); do echo "$i"; done; }
seq_input >twenty.txt

# true, false, echo
check true "" u true --ignored
status true-status 0 "" u true
status false-status 1 "" u false
check echo "hello world" u echo hello world
check echo-n "ab" u echo -n ab
check echo-dashdash "-- -e x" u echo -- -e x
check echo-empty "" u echo

# printf (its formatting is printf_format_test's)
check printf-reuse "$(printf 'a-1\nb-2')" u printf '%s-%d\n' a 1 b 2
check printf-star "[   7]" u printf '[%*d]' 4 7
status printf-usage 2 "usage: printf" u printf
status printf-bad-number 1 "printf: x: expected a number" u printf '%d' x
status printf-bad-conversion 1 "printf: %k: invalid conversion" u printf '%k'

# uname: the options choose fields, in order
check uname-s "$(uname -s)" u uname
check uname-sm "$(uname -s) $(uname -m)" u uname -m -s
check uname-a "$(uname -s) $(uname -n) $(uname -r) $(uname -v) $(uname -m)" u uname -a
status uname-bad 2 "usage: uname" u uname -x
status uname-operand 2 "unexpected operand" u uname foo

# env
check env-i "FOO=1" u env -i FOO=1 "${bin[env]}"
check env-override "B=3" bash -c "A=1 B=2 '${bin[env]}' B=3 '${bin[env]}' | grep '^B='"
check env-runs "x y" u env -i "${bin[echo]}" x y
check env-status "3" bash -c "'${bin[env]}' sh -c 'exit 3'; echo \$?"
status env-not-found 127 "env: no-such-program:" u env no-such-program
status env-not-executable 126 "env: ./five.txt:" u env ./five.txt
status env-bad-option 2 "env: -x: unknown option" u env -x

# wc
check wc-stdin "2 3 6" u wc <small.txt
check wc-c "6" u wc -c <small.txt
check wc-lw "2 3" u wc -wl <small.txt
check wc-files "$(printf '2 3 6 small.txt\n5 5 24 five.txt\n7 8 30 total')" u wc small.txt five.txt
check wc-one-file "5 five.txt" u wc -l five.txt
status wc-missing 1 "wc: nope:" u wc nope
status wc-bad 2 "usage: wc" u wc -z

# head
check head-default "$(seq 1 10)" u head twenty.txt
check head-n "one
two" u head -n 2 five.txt
check head-n-attached "one" u head -n1 five.txt
check head-stdin "1
2
3" u head -n 3 <twenty.txt
check head-files "$(printf '==> five.txt <==\none\n\n==> small.txt <==\na b')" u head -n 1 five.txt small.txt
check head-partial "no newline" u head partial.txt
check head-zero "" u head -n 0 five.txt
status head-bad-count 2 "head: x: not a number of lines" u head -n x five.txt
status head-negative 2 "head: -3: not a number of lines" u head -n -3 five.txt
status head-missing 1 "head: nope:" u head nope

# tail
check tail-default "$(seq 11 20)" u tail twenty.txt
check tail-n "four
five" u tail -n 2 five.txt
check tail-minus "five" u tail -n -1 five.txt
check tail-plus "four
five" u tail -n +4 five.txt
check tail-plus1 "$(cat five.txt)" u tail -n +1 five.txt
check tail-stdin "20" u tail -n 1 <twenty.txt
check tail-partial "no newline" u tail -n 1 partial.txt
check tail-more-than-all "$(cat five.txt)" u tail -n 100 five.txt
status tail-bad 2 "tail: 1x: not a number of lines" u tail -n 1x five.txt
status tail-two-files 2 "usage: tail" u tail five.txt small.txt

# tee
check tee-out "hi" bash -c "echo hi | '${bin[tee]}' t1.txt t2.txt"
check tee-files "hi
hi" cat t1.txt t2.txt
echo again | u tee -a t1.txt >/dev/null
check tee-append "hi
again" cat t1.txt
echo fresh | u tee t1.txt >/dev/null
check tee-truncate "fresh" cat t1.txt
status tee-unwritable 1 "tee: nodir/x:" bash -c "echo x | '${bin[tee]}' nodir/x"
check tee-goes-on "x" bash -c "echo x | '${bin[tee]}' nodir/x t3.txt >/dev/null 2>&1; cat t3.txt"

# seq
check seq-last "1
2
3" u seq 3
check seq-first-last "-1
0
1" u seq -1 1
check seq-incr "10 7 4 1" u seq -s ' ' 10 -3 1
check seq-w "08
09
10" u seq -w 8 10
check seq-empty "" u seq 5 1
status seq-zero 1 "seq: the increment must not be 0" u seq 1 0 5
status seq-bad 1 "seq: x: not an integer" u seq x
status seq-usage 2 "usage: seq" u seq

# yes
check yes-default "y
y
y" bash -c "'${bin[yes]}' | head -n 3"
check yes-words "a b
a b" bash -c "'${bin[yes]}' a b | head -n 2"

# cut
check cut-f "b" bash -c "echo a:b:c | '${bin[cut]}' -d: -f2"
check cut-f-list "a:c" bash -c "echo a:b:c:d | '${bin[cut]}' -d : -f 1,3"
check cut-f-open "b:c:d" bash -c "echo a:b:c:d | '${bin[cut]}' -d: -f2-"
check cut-f-tab "y" bash -c "printf 'x\ty\n' | '${bin[cut]}' -f2"
check cut-s "$(printf 'b\n')" bash -c "printf 'a:b\nplain\n' | '${bin[cut]}' -s -d: -f2"
check cut-no-delim-line "$(printf 'b\nplain')" bash -c "printf 'a:b\nplain\n' | '${bin[cut]}' -d: -f2"
check cut-b "ace" bash -c "echo abcde | '${bin[cut]}' -b 1,3,5"
check cut-c-range "bcd" bash -c "echo abcde | '${bin[cut]}' -c 2-4"
check cut-file "ne
wo
hr
ou
iv" u cut -c 2-3 five.txt
status cut-missing 1 "cut: nope:" u cut -c 1 nope
status cut-no-mode 2 "cut: one of -b, -c and -f is needed" u cut five.txt
status cut-two-modes 2 "cut: only one of" u cut -b1 -f1 five.txt
status cut-zero 2 "cut: 0: positions are numbered from 1" u cut -f0 five.txt
status cut-bad-list 2 "cut: x: invalid list" u cut -b x five.txt
status cut-d-without-f 2 "cut: -d and -s go with -f" u cut -b1 -d: five.txt
status cut-long-delim 2 "the delimiter must be one character" u cut -f1 -d ab five.txt

# tr
check tr-upper "HELLO" bash -c "echo hello | '${bin[tr]}' a-z A-Z"
check tr-class "ABC1" bash -c "echo abc1 | '${bin[tr]}' '[:lower:]' '[:upper:]'"
check tr-d "hll" bash -c "echo hello | '${bin[tr]}' -d eo"
check tr-s "a b" bash -c "echo 'a    b' | '${bin[tr]}' -s ' '"
check tr-cd "123" bash -c "echo a1b2c3 | '${bin[tr]}' -cd 0-9"
check tr-newline "a
b" bash -c "echo a:b | '${bin[tr]}' : '\\n'"
check tr-fill "axxxx" bash -c "echo abcde | '${bin[tr]}' b-e '[x*]'"
status tr-missing 2 "tr: missing operand" u tr abc
status tr-extra 2 "tr: extra operand" u tr -d a b
status tr-range 1 "tr: z-a: range out of order" u tr z-a x
status tr-class-bad 1 "tr: [:bogus:]: unknown class" u tr '[:bogus:]' x

# uniq
printf 'a\na\nb\nc\nc\nc\n' >dups.txt
check uniq "a
b
c" u uniq dups.txt
check uniq-c "2 a
1 b
3 c" u uniq -c dups.txt
check uniq-d "a
c" u uniq -d dups.txt
check uniq-u "b" u uniq -u <dups.txt
u uniq dups.txt uout.txt
check uniq-output "a
b
c" cat uout.txt
status uniq-bad 2 "usage: uniq" u uniq -x
status uniq-missing 1 "uniq: nope:" u uniq nope

# sort
printf 'pear\napple\nfig\napple\n' >fruit.txt
check sort "apple
apple
fig
pear" u sort fruit.txt
check sort-u "apple
fig
pear" u sort -u fruit.txt
check sort-r "pear
fig
apple
apple" u sort -r <fruit.txt
check sort-rn-head "5
4" bash -c "'${bin[seq]}' 1 5 | '${bin[sort]}' -rn | head -n 2"
check sort-n "2
10" bash -c "printf '10\n2\n' | '${bin[sort]}' -n"
check sort-k "b:1
a:2" bash -c "printf 'a:2\nb:1\n' | '${bin[sort]}' -t: -k2"
check sort-files "apple
apple
fig
five
four
one
pear
three
two" u sort fruit.txt five.txt
check sort-partial "no newline" u sort partial.txt
cp fruit.txt inplace.txt
u sort -o inplace.txt inplace.txt
check sort-o-in-place "apple
apple
fig
pear" cat inplace.txt
status sort-o-unwritable 2 "sort: nodir/x:" u sort -o nodir/x fruit.txt
status sort-bad-key 2 "sort: 0: a key is field[,field]" u sort -k0
status sort-missing 2 "sort: nope:" u sort nope

# kill
check kill-l-has-term "TERM" bash -c "'${bin[kill]}' -l | tr ' ' '\n' | grep -x TERM"
check kill-l-status "KILL" u kill -l 137
sleep 30 &
victim=$!
u kill -s TERM "$victim"
wait "$victim" 2>/dev/null
check kill-s-term "143" echo $?
sleep 30 &
victim=$!
u kill -KILL "$victim"
wait "$victim" 2>/dev/null
check kill-name "137" echo $?
sleep 30 &
victim=$!
u kill -9 "$victim"
wait "$victim" 2>/dev/null
check kill-number "137" echo $?
sleep 30 &
victim=$!
u kill "$victim"
wait "$victim" 2>/dev/null
check kill-default-term "143" echo $?
check kill-group "143" bash -c "set -m; sleep 30 & g=\$!; '${bin[kill]}' -- -\$g; wait \$g; echo \$?"
status kill-bad-signal 2 "kill: BOGUS: no such signal" u kill -s BOGUS 1
status kill-bad-pid 1 "kill: abc: not a process id" u kill abc
status kill-no-pid 2 "usage: kill" u kill -TERM
status kill-no-process 1 "kill: 2147483647:" u kill 2147483647

# date
check date-year "$(date -u +%Y)" u date +%Y
check date-default-shape "1" bash -c "'${bin[date]}' | grep -cE '^[A-Z][a-z]{2} [A-Z][a-z]{2} [ 0-9][0-9] [0-9]{2}:[0-9]{2}:[0-9]{2} UTC [0-9]{4}\$'"
status date-set 1 "setting the time is not supported" u date 0101
status date-bad 2 "date: -x: unknown option" u date -x

# test and [
ln -s "${bin[test]}" '['
status test-true 0 "" u test 1 -lt 2
status test-false 1 "" u test 2 -lt 1
status test-file 0 "" u test -f five.txt
status test-no-file 1 "" u test -f nope
status test-error 2 "integer expected" u test a -lt 2
status bracket 0 "" "./[" -n x ]
status bracket-false 1 "" "./[" -z x ]
status bracket-missing 2 "[: missing ]" "./[" -n x
status test-bracket-is-operand 0 "" u test ]

# grep (its matching is grep_match_test's)
printf 'apple\nBanana\ncherry\nab\n' >fruit.txt
printf 'a\nb\nab\n' >ab.txt
check grep-basic "$(printf 'apple\nBanana\nab')" u grep a fruit.txt
check grep-stdin "$(printf 'a\nab')" bash -c "'${bin[grep]}' a <ab.txt"
check grep-dash "a" bash -c "echo a | '${bin[grep]}' a -"
check grep-c "2" u grep -c a ab.txt
check grep-n "$(printf '1:a\n3:ab')" u grep -n a ab.txt
check grep-v "b" u grep -v a ab.txt
check grep-i "$(printf 'Banana\nab')" u grep -i b fruit.txt
check grep-x "a" u grep -x a ab.txt
check grep-E "$(printf 'a\nb\nab')" u grep -E 'a|b' ab.txt
check grep-BRE-plus "" u grep 'a+' ab.txt
check grep-F "" u grep -F 'a.' ab.txt
check grep-F-literal "a.b" bash -c "printf 'a.b\naxb\n' | '${bin[grep]}' -F a.b"
check grep-e-twice "$(printf 'apple\ncherry')" u grep -e pp -e rr fruit.txt
echo rr >pats.txt
echo pp >>pats.txt
check grep-f "$(printf 'apple\ncherry')" u grep -f pats.txt fruit.txt
check grep-files "$(printf 'ab.txt:b\nab.txt:ab\nfruit.txt:ab')" u grep b ab.txt fruit.txt
check grep-h "$(printf 'b\nab')" u grep -h b ab.txt five.txt
check grep-H "ab.txt:b" u grep -H -x b ab.txt
check grep-c-files "$(printf 'ab.txt:2\nfive.txt:0')" u grep -c a ab.txt five.txt
check grep-l "ab.txt" u grep -l b ab.txt five.txt
check grep-l-stdin "(standard input)" bash -c "echo b | '${bin[grep]}' -l b"
check grep-q "" u grep -q a ab.txt
status grep-q-status 0 "" u grep -q a ab.txt
status grep-none 1 "" u grep zzz ab.txt
status grep-bad-pattern 2 "grep: " u grep 'a\{1' ab.txt
status grep-bad-ere 2 "grep: " u grep -E '(' ab.txt
status grep-missing 2 "grep: nope:" u grep a nope
status grep-missing-s 2 "" u grep -s a nope
check grep-missing-s-quiet "" bash -c "'${bin[grep]}' -s a nope 2>&1"
check grep-missing-still-greps "ab.txt:a" bash -c "'${bin[grep]}' -x a nope ab.txt 2>/dev/null"
status grep-q-despite-error 0 "" u grep -q a nope ab.txt
status grep-usage 2 "usage: grep" u grep
status grep-bad-option 2 "usage: grep" u grep -z a

if [[ $failures -ne 0 ]]; then
  echo "$failures failures"
  exit 1
fi
echo "all passed"
