#!/usr/bin/env bash
# Installs what examples/notebook.ipynb and its check (cli NotebookIT) need, from Debian's
# packages: JPype, pandas, matplotlib, nbconvert and the Python 3 kernel. Needs root (CI is);
# does nothing if they are installed already.
set -euo pipefail
packages=(python3-jpype python3-pandas python3-matplotlib jupyter-nbconvert python3-ipykernel)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
