#!/usr/bin/env bash
# Bootstrap: restore the pinned Cake tool, then run build/build.cake with the given arguments (default target: Default).
set -euo pipefail
cd "$(dirname "$0")"

if [[ " $* " == *" --help "* || " $* " == *" -h "* ]]; then
  cat <<'USAGE'
usage: ./build.sh [--target=<name>] [options]

targets (each runs the ones it depends on):
  Default    Build: the default edition (content/) into artifacts/site (the main job)
  Compile    compile the edition CLI into artifacts/bin
  Search     decide whether Build indexes for search (Pagefind installed in tools/node_modules: yes)
  Build      edition build: import, render, minify, verify, index for search, precompress, with the cache in artifacts/.cache
  Import     write the Markdown chapters of every source/ article of --content, for hand editing (edited chapters kept)
  Verify     re-check the site already built in --output
  Package    Build, then a BagIt bag and zip under artifacts/package, verified
  Deploy     Build, then publish atomically to --deploy-dir (the previous release kept: edition rollback)
  Publish    one self-contained `edition` file for linux-x64 (no .NET needed) with its theme, in artifacts/publish
  PublishAot the same compiled to native code (Native AOT: fastest start; needs gcc or clang)
  Serve      preview on 127.0.0.1, rebuilt on every change
  Test       dotnet test
  Clean      delete artifacts/ (the site, cache, packages and the default deploy target): only when asked

options:
  --content=<dir>        the content folder (default: content)
  --output=<dir>         the site folder (default: artifacts/site)
  --theme=<dir>          a theme folder overriding the default theme's files (default: <content>/theme if any)
  --deploy-dir=<dir>     the Deploy target (default: artifacts/deploy/www)
  --port=<n>             the Serve port (default: 8080)
  --configuration=<c>    Release (default) or Debug
USAGE
  exit 0
fi

# Search needs the pinned Pagefind from npm (tools/package.json); Node.js is its one extra need. npm ci runs only when
# tools/node_modules is missing or older than tools/package-lock.json (npm ci writes node_modules/.package-lock.json last).
# vnu-jar's install script (which would download a Java runtime) is denied in tools/package.json's allowScripts, so npm
# neither runs it nor warns about it: the tests run vnu.jar, which the package holds, with Debian's Java.
if command -v npm >/dev/null 2>&1; then
  if [[ ! tools/node_modules/.package-lock.json -nt tools/package-lock.json ]]; then
    echo "installing the pinned npm tools (npm ci --prefix tools): Pagefind for search, the Nu Html Checker for the tests"
    npm ci --prefix tools --no-audit --no-fund
  fi
else
  echo "Node.js (npm) not found: the site is built without search; install Node.js, then run ./build.sh again"
fi

echo "restoring the pinned Cake tool (dotnet tool restore)"
dotnet tool restore >/dev/null
exec dotnet cake build/build.cake "$@"
