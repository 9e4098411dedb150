// The functions template.yml declares, read the way SAM reads them: Globals.Function defaults,
// then each AWS::Serverless::Function's Properties.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseCloudFormationYaml } from './cloudformation-yaml';

export interface FunctionDefinition {
    name: string;
    handlerFile: string;
    handlerExport: string;
    runtime: string;
    timeoutSeconds: number;
    memoryMb: number;
}

export function readFunctions(templatePath: string): Map<string, FunctionDefinition> {
    const template = parseCloudFormationYaml(readFileSync(templatePath, 'utf8')) as any;
    const globals = template?.Globals?.Function ?? {};
    const functions = new Map<string, FunctionDefinition>();
    for (const [name, resource] of Object.entries<any>(template?.Resources ?? {})) {
        if (resource?.Type !== 'AWS::Serverless::Function') continue;
        const props = { ...globals, ...(resource.Properties ?? {}) };
        // A makefile build's code is what `make build-NAME` writes (scripts/build-function.ts):
        // the bundle in dist/, which the local runtime runs in place.
        const codeDir = resource.Metadata?.BuildMethod === 'makefile' ? 'dist' : (props.CodeUri ?? '.');
        const handler = String(props.Handler ?? '');
        const dot = handler.lastIndexOf('.');
        if (dot <= 0) throw new Error(`${templatePath}: ${name} has no Handler of the form file.export`);
        functions.set(name, {
            name,
            handlerFile: join(resolve(dirname(templatePath), codeDir), `${handler.slice(0, dot)}.js`),
            handlerExport: handler.slice(dot + 1),
            runtime: props.Runtime ?? 'nodejs22.x',
            timeoutSeconds: Number(props.Timeout ?? 3),
            memoryMb: Number(props.MemorySize ?? 128),
        });
    }
    return functions;
}
