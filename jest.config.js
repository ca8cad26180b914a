/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "<rootDir>/test/environment.js",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }],
    // ESM-only dependencies (see test/esm-transform.js).
    "/node_modules/@apidevtools/json-schema-ref-parser/.+\\.js$": "<rootDir>/test/esm-transform.js",
  },
  transformIgnorePatterns: ["/node_modules/(?!@apidevtools/json-schema-ref-parser/)"],
  testTimeout: 30000,
};
