/** ml-smoke's version, recorded in every manifest (a test keeps it equal to package.json's). */
export const VERSION = '0.1.0'
