#!/usr/bin/env bash
# The CI guard (docs/performance.md#the-ci-guard): under 2 minutes; exits 1 when the hotline's
# sessions/s drop below the documented floor times bare Asterisk-Java's, measured in the same run.
exec bash "$(dirname "$0")/run.sh" guard
