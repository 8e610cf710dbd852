#!/usr/bin/env python3
"""Runs a command the way a person answers it: one line of input each time
it waits at a prompt, instead of all input piped at once.

    answer_prompts.py ANSWERS_FILE OUT_FILE ERR_FILE -- COMMAND [ARG...]

A prompt is standard error ending without a newline and quiet for a while
(keytool's prompts end in ":  " and wait). Each prompt gets the next line of
ANSWERS_FILE; when the lines are used up, standard input is closed. Exits
with the command's status. record_cases.sh uses this to record keytool's
behaviour for the ".prompted" variant of each case with input; the tests
feed kstool the same way (tests/unit/kstool_run_util.h, run_answering).
"""
import os
import select
import subprocess
import sys

QUIET_SECONDS = 0.4  # a JVM may pause this long between writes of one message


def main():
    answers_file, out_file, err_file = sys.argv[1:4]
    assert sys.argv[4] == "--"
    command = sys.argv[5:]
    with open(answers_file, "rb") as f:
        answers = f.read().splitlines(keepends=True)
    err = bytearray()
    with open(out_file, "wb") as out:
        proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=out, stderr=subprocess.PIPE)
        fd = proc.stderr.fileno()
        answered_at = 0  # length of err when the last answer was given
        stdin_open = True
        quiet = 0
        while True:
            ready, _, _ = select.select([fd], [], [], QUIET_SECONDS)
            if ready:
                chunk = os.read(fd, 65536)
                if not chunk:
                    break
                err += chunk
                quiet = 0
                continue
            # A program that reads on without a new prompt gets the end of
            # input after a long silence rather than hanging.
            quiet += 1
            if quiet > 50 and stdin_open:
                try:
                    proc.stdin.close()
                except BrokenPipeError:
                    pass
                stdin_open = False
            # Quiet: a prompt waits if new stderr text ends without a newline.
            waiting = len(err) > answered_at and not err.endswith(b"\n")
            if waiting and stdin_open:
                try:
                    if answers:
                        proc.stdin.write(answers.pop(0))
                        proc.stdin.flush()
                    else:
                        proc.stdin.close()
                        stdin_open = False
                except BrokenPipeError:
                    stdin_open = False
                answered_at = len(err)
        if stdin_open:
            try:
                proc.stdin.close()
            except BrokenPipeError:
                pass
        rc = proc.wait()
    with open(err_file, "wb") as f:
        f.write(err)
    sys.exit(rc)


if __name__ == "__main__":
    main()
