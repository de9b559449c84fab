"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.gql = gql;
/** A plain HTTP GraphQL request, as a frontend would send it. */
async function gql(url, query, variables = {}, token) {
    const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json());
    return { status: response.status, ...body };
}
//# sourceMappingURL=graphql-client.js.map