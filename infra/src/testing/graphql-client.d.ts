export interface GraphQLResponse<T = Record<string, any>> {
    status: number;
    data?: T | null;
    errors?: {
        message: string;
        path?: (string | number)[];
        extensions?: Record<string, any>;
    }[];
}
/** A plain HTTP GraphQL request, as a frontend would send it. */
export declare function gql<T = Record<string, any>>(url: string, query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
//# sourceMappingURL=graphql-client.d.ts.map