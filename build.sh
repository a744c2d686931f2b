#!/usr/bin/env bash
# Bootstrap: restore the pinned Cake tool, then run build/build.cake with the given arguments (default target: Default).
set -euo pipefail
cd "$(dirname "$0")"
dotnet tool restore >/dev/null
exec dotnet cake build/build.cake "$@"
