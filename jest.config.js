/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.(c|m)?(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } } }] },
  // content-disposition (@fastify/static), cookie (light-my-request) and kdbush ship only ES modules;
  // PGlite imports node built-ins with import(); jest's VM refuses both, swc turns them into require().
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition|cookie|@electric-sql/pglite|kdbush)/)'],
  testTimeout: 30000,
  // The path aliases of tsconfig.json (docs/architecture.md).
  moduleNameMapper: {
    '^@domain/(.*)$': '<rootDir>/src/domain/$1',
    '^@app/(.*)$': '<rootDir>/src/$1',
    '^@server/(.*)$': '<rootDir>/server/$1',
    '^@test/(.*)$': '<rootDir>/test/$1',
  },
}
