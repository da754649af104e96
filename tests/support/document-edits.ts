/** Edits an OpenAPI document file in place, by operationId, keeping its comments and layout (the changelog tests' mutations). */
import { readFile, writeFile } from 'node:fs/promises';
import { isMap, isSeq, parseDocument } from 'yaml';

export interface OperationEdit {
  /** Removes the operation from its path item. */
  remove(): void;
  /** Appends a parameter to the operation's own list. */
  addParameter(parameter: object): void;
}

export async function editOperations(file: string, edit: (operation: (operationId: string) => OperationEdit) => void): Promise<void> {
  const doc = parseDocument(await readFile(file, 'utf8'));
  const paths = doc.get('paths');
  edit((operationId) => {
    for (const item of isMap(paths) ? paths.items : []) {
      const pathItem = item.value;
      if (!isMap(pathItem)) continue;
      for (const pair of pathItem.items) {
        const operation = pair.value;
        if (!isMap(operation) || operation.get('operationId') !== operationId) continue;
        return {
          remove: () => void pathItem.delete(pair.key),
          addParameter: (parameter) => {
            const list = operation.get('parameters');
            if (isSeq(list)) list.add(doc.createNode(parameter));
            else operation.set('parameters', doc.createNode([parameter]));
          },
        };
      }
    }
    throw new Error(`${file}: no operation "${operationId}"`);
  });
  await writeFile(file, doc.toString());
}

/** The acceptance scenario of the changelog (issue 19), on the species document: one operation removed, a required and an optional query parameter added to two others. */
export async function changeSpeciesDocument(file: string): Promise<void> {
  await editOperations(file, (operation) => {
    operation('getGuidsForName').remove();
    operation('getTaxonShortProfile').addParameter({ name: 'apiVersion', in: 'query', required: true, description: 'The API version.', schema: { type: 'string' } });
    operation('listChildConcepts').addParameter({ name: 'includeSynonyms', in: 'query', description: 'Include synonyms.', schema: { type: 'boolean' } });
  });
}
