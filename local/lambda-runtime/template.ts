// The functions template.yml declares, read the way SAM reads them (Globals.Function defaults,
// then each AWS::Serverless::Function's Properties). Only the YAML this template uses is read:
// nested maps of scalars; anything else is refused with the line it is on.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface FunctionDefinition {
    name: string;
    handlerFile: string;
    handlerExport: string;
    runtime: string;
    timeoutSeconds: number;
    memoryMb: number;
}

type YamlMap = { [key: string]: string | YamlMap };

export function parseYamlMaps(text: string, file = 'template.yml'): YamlMap {
    const root: YamlMap = {};
    const stack: { indent: number; map: YamlMap }[] = [{ indent: -1, map: root }];
    text.split('\n').forEach((raw, index) => {
        const line = raw.replace(/\s+#.*$/, '').replace(/^#.*$/, '');
        if (!line.trim()) return;
        const match = /^( *)([A-Za-z0-9_.:-]+):(?:\s+(.*))?$/.exec(line);
        if (!match) throw new Error(`${file}:${index + 1}: only "key: value" maps are supported here: ${raw.trim()}`);
        const indent = match[1].length;
        while (stack[stack.length - 1].indent >= indent) stack.pop();
        const parent = stack[stack.length - 1].map;
        const value = match[3]?.trim();
        if (value === undefined || value === '') {
            const child: YamlMap = {};
            parent[match[2]] = child;
            stack.push({ indent, map: child });
        } else {
            parent[match[2]] = value.replace(/^(["'])(.*)\1$/, '$2');
        }
    });
    return root;
}

export function readFunctions(templatePath: string): Map<string, FunctionDefinition> {
    const template = parseYamlMaps(readFileSync(templatePath, 'utf8'), templatePath);
    const globals = ((template.Globals as YamlMap)?.Function ?? {}) as YamlMap;
    const functions = new Map<string, FunctionDefinition>();
    for (const [name, resource] of Object.entries((template.Resources ?? {}) as Record<string, YamlMap>)) {
        if (resource.Type !== 'AWS::Serverless::Function') continue;
        const props = { ...globals, ...((resource.Properties ?? {}) as YamlMap) } as Record<string, string>;
        const handler = props.Handler ?? '';
        const dot = handler.lastIndexOf('.');
        if (dot <= 0) throw new Error(`${templatePath}: ${name} has no Handler of the form file.export`);
        functions.set(name, {
            name,
            handlerFile: join(resolve(dirname(templatePath), props.CodeUri ?? '.'), `${handler.slice(0, dot)}.js`),
            handlerExport: handler.slice(dot + 1),
            runtime: props.Runtime ?? 'nodejs22.x',
            timeoutSeconds: Number(props.Timeout ?? 3),
            memoryMb: Number(props.MemorySize ?? 128),
        });
    }
    return functions;
}
