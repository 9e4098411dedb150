# SAM's makefile build (template.yml: Metadata BuildMethod: makefile). `sam build` runs
# `make build-<Function>` with ARTIFACTS_DIR set to the folder that function's code goes to.
build-TypeFunction build-TestEntrypoint:
	npm ci --no-audit --no-fund --prefer-offline
	npm run --silent build:function -- --out "$(ARTIFACTS_DIR)"
