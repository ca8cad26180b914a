export interface paths {
    "/v1/auth/token/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in
         * @description Creates a new temporary token (valid for 24 hours) when the username and password
         *     match. Needs no token.
         *
         *     Decision: wrong credentials answer HTTP **400** with application code 602 (the seed
         *     shows only the body; 400 is what the platform's other validation errors use).
         */
        post: operations["auth.login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password/change/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change password
         * @description Given the correct current password, sets a new one and optionally revokes every
         *     earlier token (`reset_tokens`).
         */
        post: operations["auth.passwordChange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/whoami/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who am I
         * @description The user and space the token belongs to. With a space token, `space` is that space;
         *     with an account token, the `default` space.
         */
        get: operations["whoami.me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tokens/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List tokens
         * @description The tokens of the caller's account, space or manager, ordered by id, optionally only
         *     the permanent or only the temporary ones.
         *
         *     Decision: the answer is a bare JSON array of Token, not a page envelope (both SDKs'
         *     tests mock a bare array), but it still takes `limit` and `offset` (the Python SDK
         *     always sends them).
         */
        get: operations["tokens.list"];
        put?: never;
        /**
         * Create a token
         * @description Creates a new token of the same kind as the calling token: an account token, a space
         *     token or a manager token. Temporary tokens expire 24 hours after creation; permanent
         *     tokens never expire on their own, and an account or space may hold at most 5 of them.
         *
         *     Decision: `permanent` is optional with default `false` (the Python SDK always sends
         *     it, the JS SDK sends `{}` when it is not given); the answer is 201 with the new Token.
         */
        post: operations["tokens.create"];
        /**
         * Delete tokens in bulk
         * @description Deletes the caller's permanent tokens (`permanent=true`), temporary tokens
         *     (`permanent=false`), or **all** of them when `permanent` is left out. The calling
         *     token is deleted too when it matches, after which it is refused (401).
         */
        delete: operations["tokens.deleteList"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tokens/{token_id_or_key}/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The token's integer id or its key. */
                token_id_or_key: components["parameters"]["TokenIdOrKey"];
            };
            cookie?: never;
        };
        /**
         * Get a token
         * @description One of the caller's tokens, by id or by key.
         *
         *     Decision: the path takes the integer id or the key (the Python SDK and its tests use
         *     both; the JS SDK only passes an id).
         */
        get: operations["tokens.get"];
        put?: never;
        post?: never;
        /**
         * Delete a token
         * @description Deletes one token for good. Deleting the token the caller logged in with is how to
         *     log out (the JS SDK's `auth.logout(tokenId)` is this call).
         */
        delete: operations["tokens.delete"];
        options?: never;
        head?: never;
        /**
         * Activate or deactivate a token
         * @description Sets `is_active`. A deactivated token is refused (401) until it is activated again;
         *     its expiry does not change.
         *
         *     Decision: PATCH (the Python SDK; the JS SDK sends PUT with the same body). The body may
         *     be JSON (as the JS SDK sends it) or `application/x-www-form-urlencoded` with
         *     `is_active=true|false` (as the Python SDK sends it).
         */
        patch: operations["tokens.update"];
        trace?: never;
    };
    "/v1/spaces/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List spaces
         * @description The account's spaces, ordered by id, optionally filtered by name. An empty `q` (the
         *     Python SDK sends `q=` by default) matches every space.
         *
         *     Decision: the answer is the page envelope `{count, next, previous, results}` (the
         *     Python SDK's tests mock `{results}`; the JS SDK's hand-written mocks use a bare array).
         */
        get: operations["spaces.list"];
        put?: never;
        /**
         * Create a space
         * @description Creates a new, empty space in the caller's account. Account and manager tokens may
         *     create spaces; a space token, which only reaches its own space, gets 403.
         */
        post: operations["spaces.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/spaces/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The object's integer id. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /**
         * Get a space
         * @description One of the account's spaces.
         */
        get: operations["spaces.get"];
        put?: never;
        post?: never;
        /**
         * Delete a space
         * @description Deletes a space with all the data in it, its space tokens included. The `default`
         *     space cannot be deleted (400). A space token may not delete spaces, not even its own
         *     (403).
         *
         *     Decision: both 202 and 204 are declared, with no content, and clients must treat
         *     either as success. The Python SDK's tests mock 202 while its docs check for 204; 202
         *     means the deletion was accepted and the space's data is removed in the background (as
         *     for source deletion), 204 that the space is already gone.
         */
        delete: operations["spaces.delete"];
        options?: never;
        head?: never;
        /**
         * Rename a space
         * @description Changes the space's name; fields left out keep their value.
         *
         *     Decision: PATCH with a partial body (the Python SDK uses PATCH, the JS SDK PUT with
         *     the same JSON body).
         */
        patch: operations["spaces.update"];
        trace?: never;
    };
    "/v1/spaces/{id}/tokens/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The object's integer id. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a space token
         * @description Creates a token that only reaches data inside this space. Temporary tokens expire 24
         *     hours after creation; a space may hold at most 5 permanent tokens.
         *
         *     Decision: `permanent` is optional with default `false` (the Python SDK always sends
         *     it; the JS SDK sends only the keys it is given).
         */
        post: operations["spaces.token"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/lists/spaces/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List all spaces
         * @description Every space of the account in one answer, ordered by id, for pickers. Takes no
         *     parameters and is not paged.
         *
         *     Decision: the answer is a bare JSON array of Space (`{id, name}`); the reference gives
         *     no body (Python-only call, unmocked), and "full list" plus the absence of paging
         *     parameters rule out the page envelope.
         */
        get: operations["lists.spaces.all"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/licenses/sources/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List source licenses
         * @description The account's source licenses, ordered by id, optionally filtered by name, creation
         *     time and whether they are bound to a source. An empty `q` (the Python SDK sends `q=`
         *     by default) matches every license.
         *
         *     Decision: `date_from` and `date_to` filter on `created`, both bounds inclusive, and
         *     take ISO 8601 date-times (the reference does not say which timestamp they filter on;
         *     `created` is the only creation-like field). The answer is the page envelope
         *     `{count, next, previous, results}` (the Python SDK's tests mock `{results}`; the JS
         *     SDK's mocks use a bare array).
         */
        get: operations["licenses.sources.list"];
        put?: never;
        /**
         * Create a source license
         * @description Creates an active source license. Bind it to a source through the source's
         *     `license_id`.
         *
         *     Decision: `name` is required (the Python SDK requires it; the JS type marks it
         *     optional); `entry_storage_days` defaults to 1 (the Python SDK's default).
         */
        post: operations["licenses.sources.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/licenses/sources/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The object's integer id. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /**
         * Get a source license
         * @description One of the account's source licenses.
         */
        get: operations["licenses.sources.get"];
        put?: never;
        post?: never;
        /**
         * Delete a source license
         * @description Deletes the license for good.
         *
         *     Decision: 204 with no content. Only the JS SDK has this call and it does not expose
         *     the status; 204 is what every other delete of a single object answers.
         */
        delete: operations["licenses.sources.delete"];
        options?: never;
        head?: never;
        /**
         * Update a source license
         * @description Changes the license's name, activity or entry storage period; fields left out keep
         *     their value.
         *
         *     Decision: PATCH with a partial body, every field optional. The Python SDK always
         *     resends `is_active` (true) and `entry_storage_days` (1) and the JS SDK uses PUT with
         *     only the given fields; partial PATCH keeps what the caller did not mention.
         */
        patch: operations["licenses.sources.update"];
        trace?: never;
    };
    "/v1/billing/usage/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List monthly usage
         * @description Usage counters: one record per space, event type and calendar month that had usage,
         *     ordered by month, then space id, then event type. Only for access tokens of users and
         *     spaces: manager tokens get 403. A space token only sees its own space.
         *
         *     Decision: the record is `{space_id, event_type, month, count}` and the answer is the
         *     page envelope `{count, next, previous, results}`. The reference only has a
         *     placeholder mock (`{results: [{id, name}]}`), so the record shape is designed here.
         */
        get: operations["billing.usage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/billing/usage/total/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get total usage
         * @description The sum of the monthly usage counters over the filtered spaces and months, per event
         *     type. Only for access tokens of users and spaces: manager tokens get 403. A space
         *     token only sees its own space. Not paged.
         *
         *     Decision: the answer is `{results: [{event_type, count}]}` with one item per event
         *     type asked for (all four when `event_types` is left out), in event-type order, and
         *     `count` 0 where there was no usage. The reference only has a placeholder mock, so the
         *     shape is designed here.
         */
        get: operations["billing.usageTotal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sources/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List sources
         * @description One page of the sources the token can see, ordered by id: an account token sees the
         *     sources of every space of its account, a space token only those of its space.
         *     `spaces_ids` narrows the list to some of those spaces; `q` searches the name
         *     (case-insensitive, substring; empty = no filter).
         */
        get: operations["sources.list"];
        put?: never;
        /**
         * Create a source
         * @description Creates a source in the token's space (an account token's `default` space). Only
         *     `name` is required and must be unique in the space; every setting left out takes its
         *     default. `license_id` binds a source license of the account that is not bound to
         *     another source yet.
         *
         *     Decision: the pps flag is `use_pps_time` (the Python SDK's name); the JS SDK's
         *     `use_pps_timestamp` is not recognised. `license_id` is an integer or null (the Python
         *     SDK's string typing is a mistake; its tests send `1`). `license` is read-only and
         *     ignored in the body.
         */
        post: operations["sources.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sources/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The object's integer id. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /**
         * Get a source
         * @description One source the token can see, with every setting.
         */
        get: operations["sources.get"];
        put?: never;
        post?: never;
        /**
         * Delete a source
         * @description Starts deleting a source. The source disappears at once (get, update and delete
         *     answer 404 and uploads naming it fail); it and the entries recorded from it are
         *     removed in the background. Persons created from it are kept.
         */
        delete: operations["sources.delete"];
        options?: never;
        head?: never;
        /**
         * Update a source
         * @description Changes only the fields sent; the others keep their current values (no defaults are
         *     applied). `license_id: null` unbinds the license.
         *
         *     Decision: PATCH with a partial JSON body (the Python SDK's verb; the JS SDK's PUT also
         *     sends only the given fields). The pps flag is `use_pps_time`.
         */
        patch: operations["sources.update"];
        trace?: never;
    };
    "/v1/entries/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List entries
         * @description One page of the entries the token can see (an account token: every space of its
         *     account; a space token: its space), newest first. Every filter is optional and
         *     filters combine with AND; an array filter matches any of its values. Array values are
         *     comma-joined (`result=exact,ha`).
         *
         *     Decision: the filters are the union of both SDKs: `pid` and `sex` take several values
         *     (Python sends a list for `pid`, JS for `sex`), and `id_from` (JS only) is supported.
         *     Dates are ISO 8601 date-times (`2019-06-29T13:53:27.306Z`); the JS SDK's declared but
         *     never-sent `entry_id_from` and `q` are not filters.
         */
        get: operations["entries.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/entries/stats/pid/{pid}/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The person id (a UUID-like string). */
                pid: components["parameters"]["Pid"];
            };
            cookie?: never;
        };
        /**
         * Get a person's entry statistics
         * @description How and when a person was created, and how many of its entries had each result and
         *     liveness outcome.
         *
         *     Decision: the operationId is the Python SDK's `entries.get` (JS:
         *     `getEntriesStatsByPersonId`); the answer carries no `id` (only the Python mock shows
         *     one).
         */
        get: operations["entries.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/entries/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The object's integer id. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete an entry
         * @description Deletes one entry and its images. The person it is tied to is kept.
         *
         *     Decision: 400 is answered when the path id is not an integer (the SDKs' 400 mock
         *     gives no cause; no other rule is invented).
         */
        delete: operations["entries.delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/persons/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a person from a photo
         * @description Creates a person from a photo with one face, unless the face already belongs to a
         *     person: the photo is compared with the persons of the source's space and classified
         *     by that space's thresholds.
         *
         *     * No match (below `junk`): a person is created → **201**, `result: new`.
         *     * `exact` match: nobody is created; the existing person is returned → **200**,
         *       `result: exact`.
         *     * `ha` match: a person is created if `create_on_ha` is true (**201**, `new`);
         *       otherwise the existing person is returned (**200**, `ha`).
         *     * `junk` match: likewise with `create_on_junk` (**201** `new` or **200** `junk`).
         *
         *     A created person gets one entry with result `new` from this photo; when an existing
         *     person is returned nothing is stored. `facesize`, `create_on_ha`, `create_on_junk`
         *     and `identify_asm` default to the source's `manual_*` settings; with `identify_asm`
         *     the answer also has `age`, `sex` and `mood`.
         *
         *     Scoping: the operation runs in the token's space. The `source` (a source **name**)
         *     must be visible from that space (a space token: a source of its own space; an account
         *     token: a source of any space of the account); the person and its entry land in the
         *     source's space.
         *
         *     Decision: 201 when a person was created, 200 when an existing person was returned
         *     instead of a duplicate (the SDKs only show 201; the docs say an existing person may be
         *     found). Multipart booleans are `true`/`false`.
         */
        post: operations["persons.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/persons/entry/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a person from an entry
         * @description Creates a person from the face of an entry: an `nm` entry (nobody matched), or an
         *     `ha` / `junk` entry whose face only resembles an existing person:
         *
         *     * `nm` entries: a person is created.
         *     * `ha` entries: only when `create_on_ha` is true; `junk` entries: only when
         *       `create_on_junk` is true (both default to the entry's source's `manual_create_on_*`
         *       setting); otherwise 400.
         *     * `new`, `reinit` and `exact` entries: 400 (the face already is that person).
         *     * `det` entries: 400 (detection only; the face cannot be identified).
         *
         *     The original entry is left unchanged; the new person gets its own entry with result
         *     `new`, from the same photo and source.
         *
         *     Scoping: the operation runs in the token's space; the entry must be visible from it,
         *     and the person lands in the space of the entry's source.
         *
         *     Decision: 201 with a PersonResult (`result: new`, the new `pid`; the SDKs show no
         *     body). `create_on_ha` and `create_on_junk` are optional (JS) rather than required
         *     (Python).
         */
        post: operations["persons.createByEntry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/persons/reinit/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Re-initialise a person from an entry
         * @description Replaces a person's face with the face of one of its entries: the person the entry is
         *     tied to (its `pid`) is afterwards recognised by that face, and a new entry with result
         *     `reinit` is recorded from the same photo and source. The entry must be tied to a
         *     person (not `nm` or `det`).
         *
         *     Scoping: the operation runs in the token's space; the entry must be visible from it.
         */
        post: operations["persons.reinit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/persons/reinit/{pid}/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The person id (a UUID-like string). */
                pid: components["parameters"]["Pid"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Re-initialise a person from a photo
         * @description Replaces the face of person `pid` with the face in a new photo, provided the new face
         *     matches the person's current face at least at level `result` (`exact`, `ha` or
         *     `junk`, by the space's thresholds; default `ha`). A new entry with result `reinit` is
         *     recorded from the photo in the source's space. `facesize` and `identify_asm` default
         *     to the source's `manual_create_facesize_threshold` and `manual_identify_asm`.
         *
         *     Scoping: the operation runs in the token's space. The person must be visible from it
         *     (else 404), and so must the `source` (a source **name**).
         *
         *     Decision: the path ends with a slash (Python); the JS SDK's slashless
         *     `/v1/persons/reinit/{pid}` is a bug. `identify_asm` is accepted (Python sends it, JS
         *     never does). `result` is sent as the enum value (`ha`), not Python's `EntryResult.HA`
         *     rendering. Multipart booleans are `true`/`false`.
         */
        post: operations["persons.reinitByPhoto"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/persons/search/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Search a person by photo
         * @description Looks for the person in a photo among the persons visible from the token's space (a
         *     space token: its space; an account token: every space of the account) and returns
         *     the best match, classified by the thresholds of the matched person's space: `exact`,
         *     `ha` or `junk` with its `pid`. With `identify_asm` the answer also has `age`, `sex` and
         *     `mood`.
         *
         *     Decision: every search records an entry with its result (`exact`/`ha`/`junk` with the
         *     pid, or `nm`) in the token's space, with `source: null` since a search names no source,
         *     and the entry is pushed on the events feed like any other.
         *
         *     Decision: no match is **200** with `result: nm` and `pid: null` (the SDKs' mock has an
         *     empty body). Multipart booleans are `true`/`false`.
         */
        post: operations["persons.search"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/persons/{pid}/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The person id (a UUID-like string). */
                pid: components["parameters"]["Pid"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a person
         * @description Deletes a person and removes it from every person group. Its entries are kept (with
         *     their `pid`), but the person is no longer matched, searched or counted
         *     (`entries.get` answers 404).
         *
         *     Scoping: the person must be visible from the token's space.
         */
        delete: operations["persons.delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/groups/persons/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List person groups
         * @description One page of the person groups visible to the token, optionally filtered by name, by
         *     the persons they do or do not contain, by id and by space.
         */
        get: operations["groups.list"];
        put?: never;
        /**
         * Create a person group
         * @description Creates an empty person group in the token's space.
         */
        post: operations["groups.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/groups/persons/pids/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add persons to groups
         * @description Adds every person in `pids` (at most 100) to every group in `groups_ids`. A person
         *     already in a group stays there; that is not an error. A group holds at most 100,000
         *     persons; a request that would exceed that is rejected with 400 and nothing is added.
         *
         *     Decision: the 200 body is `GroupPersonsResult`, echoing the persons and groups that
         *     were applied (neither SDK shows a body).
         */
        post: operations["groups.add"];
        /**
         * Remove persons from groups
         * @description Removes every person in `pids` (at most 100) from every group in `groups_ids`. A
         *     person who is not in a group is simply left out of it; that is not an error. The
         *     persons themselves are not deleted.
         *
         *     This DELETE carries a JSON request body (`Content-Type: application/json`), as both
         *     SDKs send it; proxies that drop DELETE bodies break this call.
         *
         *     Decision: the 200 body is `GroupPersonsResult`, echoing the persons and groups that
         *     were applied (neither SDK shows a body).
         */
        delete: operations["groups.remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/groups/persons/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The object's integer id. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /**
         * Get a person group
         * @description One person group by id.
         */
        get: operations["groups.get"];
        put?: never;
        post?: never;
        /**
         * Delete a person group
         * @description Deletes the group. Its persons are not deleted; they only leave the group.
         */
        delete: operations["groups.delete"];
        options?: never;
        head?: never;
        /**
         * Update a person group
         * @description Renames a person group. Fields left out keep their value.
         *
         *     Decision: PATCH with a partial JSON body (Python uses PATCH; the JS SDK's PUT also
         *     sends only the given fields).
         */
        patch: operations["groups.update"];
        trace?: never;
    };
    "/v1/groups/persons/{id}/pids/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the persons in a group
         * @description One page of the persons in a person group, optionally only the given pids.
         */
        get: operations["groups.persons"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List notifications
         * @description One page of the webhook notifications visible to the token, optionally filtered by name and space.
         */
        get: operations["notifications.list"];
        put?: never;
        /**
         * Create a webhook notification
         * @description Creates a webhook: for every new entry that passes all the given filters, NeuroIO
         *     sends a request with `http_method` to `destination_url`. Filters left out do not
         *     restrict. (The WebSocket feed is always on and cannot be filtered; these endpoints
         *     configure webhooks only.)
         *
         *     Decision: `sources` holds source **ids** (integers), as the Python SDK types it; the
         *     JS SDK's docs pass source names. Ids are what every other API filter uses
         *     (`sources_ids`).
         */
        post: operations["notifications.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The object's integer id. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /**
         * Get a notification
         * @description One webhook notification by id.
         */
        get: operations["notifications.get"];
        put?: never;
        post?: never;
        /**
         * Delete a notification
         * @description Deletes the webhook notification; no more requests are sent for it.
         */
        delete: operations["notifications.delete"];
        options?: never;
        head?: never;
        /**
         * Update a notification
         * @description Changes the given fields of a notification; fields left out keep their value. An
         *     empty array removes that filter; `null` removes an age bound.
         *
         *     Decision: PATCH with a partial JSON body and every field optional, as the JS SDK
         *     sends it. The Python SDK's `update` requires `name`, `http_method` and
         *     `destination_url` and always sends `is_active`; such a body is still a valid partial
         *     update.
         */
        patch: operations["notifications.update"];
        trace?: never;
    };
    "/v1/settings/thresholds/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the thresholds
         * @description The similarity thresholds (percent, 0–100) of the token's space that decide entry
         *     results.
         *
         *     Decision: thresholds are percentages on a 0–100 scale, as the Python SDK's defaults
         *     (79.3 / 75.5 / 68.84) and docs (90 / 80 / 70) use; the JS docs' 0–1 values look like
         *     placeholders.
         */
        get: operations["settings.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update the thresholds
         * @description Changes the given thresholds of the token's space; fields left out keep their value.
         *     Changes apply only to future entries.
         *
         *     Decision: PATCH with a partial body, accepted as JSON (what the JS SDK sends) and as
         *     `application/x-www-form-urlencoded` (what the Python SDK sends, with all three
         *     fields and numbers as decimal strings such as `exact=79.3`).
         */
        patch: operations["settings.update"];
        trace?: never;
    };
    "/v1/settings/thresholds/reset/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reset the thresholds to the defaults
         * @description Sets the thresholds of the token's space back to the defaults (`exact` 79.3, `ha`
         *     75.5, `junk` 68.84). Takes no body. Changes apply only to future entries.
         *
         *     Decision: answers 200 with the thresholds after the reset, as the JS SDK types it
         *     (the Python mock shows no body).
         */
        post: operations["settings.reset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/streams/tokens/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List stream tokens
         * @description The stream tokens of the token's space, optionally only permanent or only temporary
         *     ones.
         *
         *     Decision: the answer is a bare JSON array (as both SDKs' tests show), not a page
         *     envelope; `limit` and `offset` still select the slice.
         */
        get: operations["streams.tokens.list"];
        put?: never;
        /**
         * Create a stream token
         * @description Creates a stream token: temporary (valid for 24 hours) by default, or permanent
         *     (never expires; at most 5 per space). Creating a sixth permanent token fails with
         *     400.
         */
        post: operations["streams.tokens.create"];
        /**
         * Delete stream tokens
         * @description Deletes the stream tokens of the token's space: `permanent=true` only permanent ones,
         *     `permanent=false` only temporary ones, and without `permanent` **all** of them.
         *
         *     Decision: only `permanent` is a parameter; the `limit`/`offset` the JS SDK can
         *     forward here are not part of the operation.
         */
        delete: operations["streams.tokens.deleteList"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/streams/tokens/{token_id_or_key}/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The token's integer id or its key. */
                token_id_or_key: components["parameters"]["TokenIdOrKey"];
            };
            cookie?: never;
        };
        /**
         * Get a stream token
         * @description One stream token by its id or its key.
         */
        get: operations["streams.tokens.get"];
        put?: never;
        post?: never;
        /**
         * Delete a stream token
         * @description Deletes one stream token by its id or its key; it stops working at once.
         */
        delete: operations["streams.tokens.delete"];
        options?: never;
        head?: never;
        /**
         * Activate or deactivate a stream token
         * @description Sets `is_active`; only active tokens are accepted.
         *
         *     Decision: PATCH, accepting JSON (what the JS SDK sends) and
         *     `application/x-www-form-urlencoded` (what the Python SDK sends, `is_active=false`).
         */
        patch: operations["streams.tokens.update"];
        trace?: never;
    };
    "/v1/utility/compare/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Compare the faces in two photos
         * @description Checks whether the faces in two photos belong to the same person. Nothing is stored.
         *     `similar` is true when the faces match at the requested `result` level (default
         *     `ha`) or a stricter one (`exact` > `ha` > `junk`); the answer's `result` is the best
         *     level they reached, or `nm` when they do not match.
         *
         *     Decision: the answer is `CompareResult` `{similar, result}` as the JS SDK types it
         *     (the Python mock has no body); only `exact`, `ha` and `junk` are accepted as the
         *     requested level, other results are rejected with 400.
         */
        post: operations["utility.compare"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/utility/asm/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Estimate age, sex and mood
         * @description Estimates the age, sex and mood of the face in a photo. Nothing is stored.
         *
         *     Decision: `POST /v1/utility/asm/` with a multipart `image`, as the Python SDK sends
         *     it; the JS SDK's `checkAsm` posts JSON to `/v1/utility/compare/`, which is a bug. The
         *     answer is `AsmResult` as the JS SDK types it, with `age` a whole number of years.
         */
        post: operations["utility.asm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/utility/customer/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find out who the customer is
         * @description The person identified in the most recent entry of the token's space that is tied to
         *     a person, optionally only from one source. `offset` skips that many of the most
         *     recent such entries (0 = the latest, 1 = the one before it).
         *
         *     Decision: only the JS SDK has this call and does not describe it; we read it as
         *     "who is in front of this source's camera now": `source` is a source name (left out =
         *     any source), `offset` counts back through the entries tied to a person, and 404
         *     answers when there is no such entry.
         */
        get: operations["utility.customer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/faceid/compare/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Compare a person with their document photo
         * @description Takes one photo that shows both the person's face and an identity document (for
         *     example a selfie holding a passport), and checks whether the live face and the
         *     document's face belong to the same person. Nothing is stored. `similar` is true when
         *     they match at the requested `result` level (default `ha`) or a stricter one; the
         *     answer's `result` is the best level reached, or `nm` when they do not match.
         *
         *     Decision: `result` defaults to `ha`, as in `utility.compare` (the JS SDK gives no
         *     default); only `exact`, `ha` and `junk` are accepted. `facesize` is the smallest face
         *     area in pixels to consider, like the sources' facesize thresholds.
         */
        post: operations["faceid.compare"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/faceid/verification/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify a person against an identity document
         * @description Compares the face in `photo_face` with the face on the identity document in
         *     `photo_id`, and reads the document's data. `id_code` names the document type (see
         *     `faceid.idCodes`). Nothing is stored. `similar` is true when the faces match at the
         *     requested `result` level (default `ha`) or a stricter one.
         *
         *     Decision: `result` defaults to `ha`, as in `utility.compare`; only `exact`, `ha` and
         *     `junk` are accepted. `extra` and the entries of `documents` are free-form objects,
         *     since neither SDK describes them. An unknown `id_code` is rejected with 400.
         */
        post: operations["faceid.verification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/faceid/id-codes/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List supported identity document types
         * @description The identity document types `faceid.verification` accepts as `id_code`.
         *
         *     Decision: a bare JSON array of `IdCode` `{code, name}`, not paged (the JS SDK types
         *     the answer `null`; the list is short and fixed).
         */
        get: operations["faceid.idCodes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/version/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the API version
         * @description The version of the API.
         *
         *     Decision: it needs a token like every other operation, since nothing says otherwise.
         */
        get: operations["version.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @example {
         *       "username": "usr",
         *       "password": "pwd"
         *     }
         */
        LoginParams: {
            username: string;
            /** Format: password */
            password: string;
        };
        /**
         * @description A space isolates data. Every account has one named `default`.
         * @example {
         *       "id": 1,
         *       "name": "default"
         *     }
         */
        Space: {
            readonly id: number;
            name: string;
        };
        /**
         * @description The user a token belongs to, with the space it acts in (null for account-wide tokens in older answers).
         * @example {
         *       "username": "usr",
         *       "space": {
         *         "id": 1,
         *         "name": "default"
         *       }
         *     }
         */
        User: {
            username: string;
            space?: components["schemas"]["Space"] | null;
        };
        /**
         * @description An access token. Temporary tokens expire 24 hours after `created`; permanent tokens have `expires` null.
         * @example {
         *       "id": 1,
         *       "key": "abcd",
         *       "is_active": true,
         *       "created": "2021-05-28T10:37:51.433760+00:00",
         *       "expires": "2021-05-29T10:37:51.433563+00:00"
         *     }
         */
        Token: {
            readonly id: number;
            /** @description The secret to send as `Authorization: Token <key>`. */
            readonly key: string;
            /** @description Only active tokens are accepted. */
            is_active: boolean;
            /** Format: date-time */
            readonly created: string;
            /**
             * Format: date-time
             * @description When a temporary token stops being valid; null for permanent tokens.
             */
            readonly expires: string | null;
        };
        /**
         * @description A new temporary token and the user it belongs to.
         * @example {
         *       "user": {
         *         "username": "usr"
         *       },
         *       "token": {
         *         "id": 1,
         *         "key": "abcd",
         *         "is_active": true,
         *         "created": "2021-05-28T10:37:51.433760+00:00",
         *         "expires": "2021-05-29T10:37:51.433563+00:00"
         *       }
         *     }
         */
        LoginResponse: {
            user: components["schemas"]["User"];
            token: components["schemas"]["Token"];
        };
        /**
         * @description A field-level validation error.
         * @example {
         *       "name": "old_password",
         *       "message": "Incorrect password.",
         *       "error_code": 400
         *     }
         */
        ErrorField: {
            /** @description The request field's wire name. */
            name: string;
            /** @description What is wrong with the field. */
            message: string;
            /** @description Application error code for this field. */
            error_code: number;
        };
        /**
         * @description The one error body NeuroIO answers every failed request with.
         * @example {
         *       "error_codes": [
         *         602
         *       ],
         *       "message": "Username and password do not match.",
         *       "fields": []
         *     }
         */
        ErrorBody: {
            /** @description One or more application error codes (for example 602 for bad credentials, 400 for validation). */
            error_codes: number[];
            /** @description Human-readable summary of the error. */
            message: string;
            /** @description One entry per invalid request field; empty when the error is not about a field. */
            fields: components["schemas"]["ErrorField"][];
        };
        /**
         * @description The wire form of a password change. The SDK's `auth.passwordChange({ old_password,
         *     new_password, reset_tokens })` sends `new_password` as both `password` and `password2`.
         * @example {
         *       "old_password": "pwd",
         *       "password": "newpwd",
         *       "password2": "newpwd",
         *       "reset_tokens": false
         *     }
         */
        PasswordChangeParams: {
            /**
             * Format: password
             * @description The current password.
             */
            old_password: string;
            /**
             * Format: password
             * @description The new password.
             */
            password: string;
            /**
             * Format: password
             * @description The new password again, as confirmation.
             */
            password2: string;
            /**
             * @description When true, every token created before the change is revoked.
             * @default false
             */
            reset_tokens?: boolean;
        };
        /**
         * @description Creates an account, space or manager token, depending on the token used to call.
         * @example {
         *       "permanent": false
         *     }
         */
        TokenCreateParams: {
            /**
             * @description `true`: a permanent token that never expires on its own (at most 5 per account or
             *     space); `false`: a temporary token that expires 24 hours after creation.
             * @default false
             */
            permanent?: boolean;
        };
        /**
         * @description Activates or deactivates a token. Only active tokens are accepted.
         * @example {
         *       "is_active": false
         *     }
         */
        TokenUpdateParams: {
            /** @description `false` deactivates the token (it is refused until reactivated); `true` reactivates it. */
            is_active: boolean;
        };
        /**
         * @description One page of spaces.
         * @example {
         *       "count": 3,
         *       "next": "https://iam.neuroio.com/v1/spaces/?limit=2&offset=2",
         *       "previous": null,
         *       "results": [
         *         {
         *           "id": 1,
         *           "name": "default"
         *         },
         *         {
         *           "id": 2,
         *           "name": "Warehouse"
         *         }
         *       ]
         *     }
         */
        SpacePage: {
            /** @description Number of spaces matching the filters, across all pages. */
            count: number;
            /**
             * Format: uri
             * @description URL of the next page; null on the last page.
             */
            next: string | null;
            /**
             * Format: uri
             * @description URL of the previous page; null on the first page.
             */
            previous: string | null;
            /** @description The spaces on this page. */
            results: components["schemas"]["Space"][];
        };
        /**
         * @description A new space.
         * @example {
         *       "name": "Warehouse"
         *     }
         */
        SpaceCreateParams: {
            /** @description The space's name. */
            name: string;
        };
        /**
         * @description A partial update of a space; fields left out keep their value.
         * @example {
         *       "name": "Warehouse north"
         *     }
         */
        SpaceUpdateParams: {
            /** @description The space's new name. */
            name?: string;
        };
        /**
         * @description Creates a space token, which only reaches data inside that space.
         * @example {
         *       "permanent": true
         *     }
         */
        SpaceTokenCreateParams: {
            /**
             * @description `true`: a permanent token that never expires on its own (at most 5 per space);
             *     `false`: a temporary token that expires 24 hours after creation.
             * @default false
             */
            permanent?: boolean;
        };
        /**
         * @description A source license. Sources are bound to a license through their `license_id`; the
         *     license decides how long entries from those sources are stored.
         * @example {
         *       "id": 1,
         *       "name": "Entrance cameras",
         *       "entry_storage_days": 30,
         *       "is_active": true,
         *       "created": "2021-05-28T10:37:51.433760+00:00",
         *       "unavailable_at": null
         *     }
         */
        License: {
            readonly id: number;
            name: string;
            /** @description How many days entries from sources bound to this license are kept. */
            entry_storage_days: number;
            /** @description Whether the license can be used; new licenses are active. */
            is_active: boolean;
            /** Format: date-time */
            readonly created: string;
            /**
             * Format: date-time
             * @description When the license stops (or stopped) being available to sources; null when no end is set.
             */
            readonly unavailable_at: string | null;
        };
        /**
         * @description One page of source licenses.
         * @example {
         *       "count": 21,
         *       "next": "https://iam.neuroio.com/v1/licenses/sources/?limit=20&offset=20",
         *       "previous": null,
         *       "results": [
         *         {
         *           "id": 1,
         *           "name": "Entrance cameras",
         *           "entry_storage_days": 30,
         *           "is_active": true,
         *           "created": "2021-05-28T10:37:51.433760+00:00",
         *           "unavailable_at": null
         *         }
         *       ]
         *     }
         */
        LicensePage: {
            /** @description Number of licenses matching the filters, across all pages. */
            count: number;
            /**
             * Format: uri
             * @description URL of the next page; null on the last page.
             */
            next: string | null;
            /**
             * Format: uri
             * @description URL of the previous page; null on the first page.
             */
            previous: string | null;
            /** @description The licenses on this page. */
            results: components["schemas"]["License"][];
        };
        /**
         * @description A new source license. It starts active.
         * @example {
         *       "name": "Entrance cameras",
         *       "entry_storage_days": 30
         *     }
         */
        LicenseCreateParams: {
            /** @description The license's name. */
            name: string;
            /**
             * @description How many days entries from sources bound to this license are kept.
             * @default 1
             */
            entry_storage_days?: number;
        };
        /**
         * @description A partial update of a source license; fields left out keep their value.
         * @example {
         *       "entry_storage_days": 90
         *     }
         */
        LicenseUpdateParams: {
            /** @description The license's new name. */
            name?: string;
            /** @description `false` deactivates the license, `true` reactivates it. */
            is_active?: boolean;
            /** @description How many days entries from sources bound to this license are kept. */
            entry_storage_days?: number;
        };
        /**
         * @description What a billing counter counts:
         *
         *     * `1` API_CALLS: API calls made.
         *     * `2` PERSONS_STORAGE: persons stored.
         *     * `3` ENTRY_STORAGE: entries stored.
         *     * `4` SOURCE_LICENSES: source licenses in use.
         * @example 1
         * @enum {integer}
         */
        BillingEventType: 1 | 2 | 3 | 4;
        /**
         * @description The usage counter of one space, for one event type, in one calendar month (UTC).
         * @example {
         *       "space_id": 1,
         *       "event_type": 1,
         *       "month": "2021-05",
         *       "count": 15230
         *     }
         */
        BillingUsage: {
            /** @description The space the usage belongs to. */
            space_id: number;
            event_type: components["schemas"]["BillingEventType"];
            /** @description The calendar month, `YYYY-MM`. */
            month: string;
            /** @description How many events of this type the space had in this month. */
            count: number;
        };
        /**
         * @description One page of monthly usage counters.
         * @example {
         *       "count": 2,
         *       "next": null,
         *       "previous": null,
         *       "results": [
         *         {
         *           "space_id": 1,
         *           "event_type": 1,
         *           "month": "2021-05",
         *           "count": 15230
         *         },
         *         {
         *           "space_id": 1,
         *           "event_type": 2,
         *           "month": "2021-05",
         *           "count": 412
         *         }
         *       ]
         *     }
         */
        BillingUsagePage: {
            /** @description Number of usage records matching the filters, across all pages. */
            count: number;
            /**
             * Format: uri
             * @description URL of the next page; null on the last page.
             */
            next: string | null;
            /**
             * Format: uri
             * @description URL of the previous page; null on the first page.
             */
            previous: string | null;
            /** @description The usage records on this page. */
            results: components["schemas"]["BillingUsage"][];
        };
        /**
         * @description The total of one event type over the filtered spaces and months.
         * @example {
         *       "event_type": 1,
         *       "count": 48211
         *     }
         */
        BillingTotalItem: {
            event_type: components["schemas"]["BillingEventType"];
            /** @description Sum of the monthly counters of this event type; 0 when there are none. */
            count: number;
        };
        /**
         * @description Usage totals: one item per event type asked for (all four when `event_types` is left
         *     out), in event-type order, with `count` 0 where there was no usage.
         * @example {
         *       "results": [
         *         {
         *           "event_type": 1,
         *           "count": 48211
         *         },
         *         {
         *           "event_type": 2,
         *           "count": 412
         *         },
         *         {
         *           "event_type": 3,
         *           "count": 9120
         *         },
         *         {
         *           "event_type": 4,
         *           "count": 0
         *         }
         *       ]
         *     }
         */
        BillingTotal: {
            results: components["schemas"]["BillingTotalItem"][];
        };
        /**
         * @description The result of processing one face. Photo uploads that store a person produce `new` or
         *     `reinit`, and a search records the level it found;
         *     camera streams can produce all seven. `nm` (no match) and `det` (detection only) are
         *     never tied to a person.
         * @example ha
         * @enum {string}
         */
        EntryResult: "new" | "reinit" | "exact" | "ha" | "junk" | "nm" | "det";
        /**
         * @description A source names where data comes from (a camera, an app, a kiosk) and holds the processing
         *     settings for the photos and video streams it delivers. Every upload must name an existing
         *     source. A source belongs to the space of the token that created it.
         * @example {
         *       "id": 3,
         *       "space_id": 1,
         *       "name": "Entrance camera",
         *       "license_id": 1,
         *       "license": {
         *         "id": 1,
         *         "name": "Entrance cameras",
         *         "entry_storage_days": 30,
         *         "is_active": true,
         *         "created": "2021-05-28T10:37:51.433760+00:00",
         *         "unavailable_at": null
         *       },
         *       "identify_facesize_threshold": 7000,
         *       "use_pps_time": false,
         *       "manual_create_facesize_threshold": 25000,
         *       "manual_create_on_ha": false,
         *       "manual_create_on_junk": false,
         *       "manual_identify_asm": true,
         *       "auto_create_persons": false,
         *       "auto_create_facesize_threshold": 25000,
         *       "auto_create_check_blur": true,
         *       "auto_create_check_exposure": true,
         *       "auto_create_on_ha": false,
         *       "auto_create_on_junk": false,
         *       "auto_check_face_angle": true,
         *       "auto_check_angle_threshold": null,
         *       "auto_check_liveness": false,
         *       "auto_create_liveness_only": true,
         *       "auto_identify_asm": true,
         *       "store_images_for_results": [
         *         "exact",
         *         "ha",
         *         "nm"
         *       ]
         *     }
         */
        Source: {
            readonly id: number;
            /** @description The space the source belongs to. */
            readonly space_id: number;
            /** @description The source name, unique in its space; photo uploads name their source by it. */
            name: string;
            /** @description The id of the source license bound to this source (IAM `licenses.sources`); null = no license. A license can be bound to at most one source. */
            license_id: number | null;
            /** @description The license bound through `license_id`, or null. Read-only: a `license` sent in a request body is ignored. */
            readonly license: components["schemas"]["License"] | null;
            /**
             * @description Smallest face size (face area, inferred to be pixels) that is identified; smaller faces are recorded as `det` entries.
             * @default 7000
             */
            identify_facesize_threshold: number;
            /**
             * @description Take the entries' `detected` time from the stream's PPS timestamps instead of the server clock. Decision: this is the Python SDK's name; the JS SDK's `use_pps_timestamp` is not recognised and is ignored if sent.
             * @default false
             */
            use_pps_time: boolean;
            /**
             * @description Photo uploads: the smallest face size a person is created from; the default of the `facesize` upload field.
             * @default 25000
             */
            manual_create_facesize_threshold: number;
            /**
             * @description Photo uploads: create a new person even when the photo matches an existing person at `ha` level; the default of the `create_on_ha` upload field.
             * @default false
             */
            manual_create_on_ha: boolean;
            /**
             * @description Photo uploads: create a new person even when the photo matches an existing person at `junk` level; the default of the `create_on_junk` upload field.
             * @default false
             */
            manual_create_on_junk: boolean;
            /**
             * @description Photo uploads: estimate age, sex and mood; the default of the `identify_asm` upload field.
             * @default true
             */
            manual_identify_asm: boolean;
            /**
             * @description Video streams: create a person automatically for a face that matches nobody.
             * @default false
             */
            auto_create_persons: boolean;
            /**
             * @description Video streams: the smallest face size a person is created from automatically.
             * @default 25000
             */
            auto_create_facesize_threshold: number;
            /**
             * @description Video streams: create persons automatically only from sharp faces.
             * @default true
             */
            auto_create_check_blur: boolean;
            /**
             * @description Video streams: create persons automatically only from well-exposed faces.
             * @default true
             */
            auto_create_check_exposure: boolean;
            /**
             * @description Video streams: create a new person automatically even when the face matches an existing person at `ha` level.
             * @default false
             */
            auto_create_on_ha: boolean;
            /**
             * @description Video streams: create a new person automatically even when the face matches an existing person at `junk` level.
             * @default false
             */
            auto_create_on_junk: boolean;
            /**
             * @description Video streams: create persons automatically only from faces turned less than the angle limit.
             * @default true
             */
            auto_check_face_angle: boolean;
            /**
             * @description Video streams: the face angle limit used by `auto_check_face_angle` (unit not stated; degrees inferred); null = the platform's built-in limit.
             * @default null
             */
            auto_check_angle_threshold: number | null;
            /**
             * @description Video streams: run the liveness check on every face.
             * @default false
             */
            auto_check_liveness: boolean;
            /**
             * @description Video streams: when liveness is checked, create persons automatically only from faces that passed it.
             * @default true
             */
            auto_create_liveness_only: boolean;
            /**
             * @description Video streams: estimate age, sex and mood.
             * @default true
             */
            auto_identify_asm: boolean;
            /**
             * @description Keep face and full images only for entries with one of these results; null = keep images for every result. Entries whose images are not kept have `face_image` and `full_image` null.
             * @default null
             */
            store_images_for_results: components["schemas"]["EntryResult"][] | null;
        };
        /**
         * @description One page of sources.
         * @example {
         *       "count": 21,
         *       "next": "https://api.neuroio.com/v1/sources/?limit=20&offset=20",
         *       "previous": null,
         *       "results": [
         *         {
         *           "id": 3,
         *           "space_id": 1,
         *           "name": "Entrance camera",
         *           "license_id": 1,
         *           "license": {
         *             "id": 1,
         *             "name": "Entrance cameras",
         *             "entry_storage_days": 30,
         *             "is_active": true,
         *             "created": "2021-05-28T10:37:51.433760+00:00",
         *             "unavailable_at": null
         *           },
         *           "identify_facesize_threshold": 7000,
         *           "use_pps_time": false,
         *           "manual_create_facesize_threshold": 25000,
         *           "manual_create_on_ha": false,
         *           "manual_create_on_junk": false,
         *           "manual_identify_asm": true,
         *           "auto_create_persons": false,
         *           "auto_create_facesize_threshold": 25000,
         *           "auto_create_check_blur": true,
         *           "auto_create_check_exposure": true,
         *           "auto_create_on_ha": false,
         *           "auto_create_on_junk": false,
         *           "auto_check_face_angle": true,
         *           "auto_check_angle_threshold": null,
         *           "auto_check_liveness": false,
         *           "auto_create_liveness_only": true,
         *           "auto_identify_asm": true,
         *           "store_images_for_results": [
         *             "exact",
         *             "ha",
         *             "nm"
         *           ]
         *         }
         *       ]
         *     }
         */
        SourcePage: {
            /** @description Total number of sources matching the filters, across all pages. */
            count: number;
            /**
             * Format: uri
             * @description URL of the next page; null on the last page.
             */
            next: string | null;
            /**
             * Format: uri
             * @description URL of the previous page; null on the first page.
             */
            previous: string | null;
            results: components["schemas"]["Source"][];
        };
        /**
         * @description A new source. Only `name` is required; every setting left out takes the default shown.
         *     The license is bound through `license_id`; a `license` object in the body is ignored.
         * @example {
         *       "name": "Entrance camera",
         *       "license_id": 1,
         *       "auto_create_persons": true,
         *       "auto_check_liveness": true,
         *       "store_images_for_results": [
         *         "exact",
         *         "ha",
         *         "nm"
         *       ]
         *     }
         */
        SourceCreateParams: {
            /** @description The source name, unique in its space; photo uploads name their source by it. */
            name: string;
            /**
             * @description The id of the source license bound to this source (IAM `licenses.sources`); null = no license. A license can be bound to at most one source.
             * @default null
             */
            license_id?: number | null;
            /**
             * @description Smallest face size (face area, inferred to be pixels) that is identified; smaller faces are recorded as `det` entries.
             * @default 7000
             */
            identify_facesize_threshold?: number;
            /**
             * @description Take the entries' `detected` time from the stream's PPS timestamps instead of the server clock. Decision: this is the Python SDK's name; the JS SDK's `use_pps_timestamp` is not recognised and is ignored if sent.
             * @default false
             */
            use_pps_time?: boolean;
            /**
             * @description Photo uploads: the smallest face size a person is created from; the default of the `facesize` upload field.
             * @default 25000
             */
            manual_create_facesize_threshold?: number;
            /**
             * @description Photo uploads: create a new person even when the photo matches an existing person at `ha` level; the default of the `create_on_ha` upload field.
             * @default false
             */
            manual_create_on_ha?: boolean;
            /**
             * @description Photo uploads: create a new person even when the photo matches an existing person at `junk` level; the default of the `create_on_junk` upload field.
             * @default false
             */
            manual_create_on_junk?: boolean;
            /**
             * @description Photo uploads: estimate age, sex and mood; the default of the `identify_asm` upload field.
             * @default true
             */
            manual_identify_asm?: boolean;
            /**
             * @description Video streams: create a person automatically for a face that matches nobody.
             * @default false
             */
            auto_create_persons?: boolean;
            /**
             * @description Video streams: the smallest face size a person is created from automatically.
             * @default 25000
             */
            auto_create_facesize_threshold?: number;
            /**
             * @description Video streams: create persons automatically only from sharp faces.
             * @default true
             */
            auto_create_check_blur?: boolean;
            /**
             * @description Video streams: create persons automatically only from well-exposed faces.
             * @default true
             */
            auto_create_check_exposure?: boolean;
            /**
             * @description Video streams: create a new person automatically even when the face matches an existing person at `ha` level.
             * @default false
             */
            auto_create_on_ha?: boolean;
            /**
             * @description Video streams: create a new person automatically even when the face matches an existing person at `junk` level.
             * @default false
             */
            auto_create_on_junk?: boolean;
            /**
             * @description Video streams: create persons automatically only from faces turned less than the angle limit.
             * @default true
             */
            auto_check_face_angle?: boolean;
            /**
             * @description Video streams: the face angle limit used by `auto_check_face_angle` (unit not stated; degrees inferred); null = the platform's built-in limit.
             * @default null
             */
            auto_check_angle_threshold?: number | null;
            /**
             * @description Video streams: run the liveness check on every face.
             * @default false
             */
            auto_check_liveness?: boolean;
            /**
             * @description Video streams: when liveness is checked, create persons automatically only from faces that passed it.
             * @default true
             */
            auto_create_liveness_only?: boolean;
            /**
             * @description Video streams: estimate age, sex and mood.
             * @default true
             */
            auto_identify_asm?: boolean;
            /**
             * @description Keep face and full images only for entries with one of these results; null = keep images for every result. Entries whose images are not kept have `face_image` and `full_image` null.
             * @default null
             */
            store_images_for_results?: components["schemas"]["EntryResult"][] | null;
        };
        /**
         * @description A partial update of a source: only the fields sent change; everything else keeps its
         *     current value. Send `license_id: null` to unbind the license and
         *     `store_images_for_results: null` to keep images for every result again.
         * @example {
         *       "identify_facesize_threshold": 9000,
         *       "license_id": 1
         *     }
         */
        SourceUpdateParams: {
            /** @description The source name, unique in its space; photo uploads name their source by it. */
            name?: string;
            /** @description The id of the source license bound to this source (IAM `licenses.sources`); null = no license. A license can be bound to at most one source. */
            license_id?: number | null;
            /** @description Smallest face size (face area, inferred to be pixels) that is identified; smaller faces are recorded as `det` entries. */
            identify_facesize_threshold?: number;
            /** @description Take the entries' `detected` time from the stream's PPS timestamps instead of the server clock. Decision: this is the Python SDK's name; the JS SDK's `use_pps_timestamp` is not recognised and is ignored if sent. */
            use_pps_time?: boolean;
            /** @description Photo uploads: the smallest face size a person is created from; the default of the `facesize` upload field. */
            manual_create_facesize_threshold?: number;
            /** @description Photo uploads: create a new person even when the photo matches an existing person at `ha` level; the default of the `create_on_ha` upload field. */
            manual_create_on_ha?: boolean;
            /** @description Photo uploads: create a new person even when the photo matches an existing person at `junk` level; the default of the `create_on_junk` upload field. */
            manual_create_on_junk?: boolean;
            /** @description Photo uploads: estimate age, sex and mood; the default of the `identify_asm` upload field. */
            manual_identify_asm?: boolean;
            /** @description Video streams: create a person automatically for a face that matches nobody. */
            auto_create_persons?: boolean;
            /** @description Video streams: the smallest face size a person is created from automatically. */
            auto_create_facesize_threshold?: number;
            /** @description Video streams: create persons automatically only from sharp faces. */
            auto_create_check_blur?: boolean;
            /** @description Video streams: create persons automatically only from well-exposed faces. */
            auto_create_check_exposure?: boolean;
            /** @description Video streams: create a new person automatically even when the face matches an existing person at `ha` level. */
            auto_create_on_ha?: boolean;
            /** @description Video streams: create a new person automatically even when the face matches an existing person at `junk` level. */
            auto_create_on_junk?: boolean;
            /** @description Video streams: create persons automatically only from faces turned less than the angle limit. */
            auto_check_face_angle?: boolean;
            /** @description Video streams: the face angle limit used by `auto_check_face_angle` (unit not stated; degrees inferred); null = the platform's built-in limit. */
            auto_check_angle_threshold?: number | null;
            /** @description Video streams: run the liveness check on every face. */
            auto_check_liveness?: boolean;
            /** @description Video streams: when liveness is checked, create persons automatically only from faces that passed it. */
            auto_create_liveness_only?: boolean;
            /** @description Video streams: estimate age, sex and mood. */
            auto_identify_asm?: boolean;
            /** @description Keep face and full images only for entries with one of these results; null = keep images for every result. Entries whose images are not kept have `face_image` and `full_image` null. */
            store_images_for_results?: components["schemas"]["EntryResult"][] | null;
        };
        /**
         * @description `0` = male, `1` = female.
         * @example 1
         * @enum {integer}
         */
        Sex: 0 | 1;
        /**
         * @description Estimated mood. `nm` and `det` appear when no mood could be estimated (kept from the Python SDK).
         * @example happiness
         * @enum {string}
         */
        Mood: "neutral" | "anger" | "contempt" | "disgust" | "fear" | "happiness" | "sadness" | "surprise" | "nm" | "det";
        /**
         * @description Liveness check outcome.
         * @example passed
         * @enum {string}
         */
        Liveness: "passed" | "failed" | "undetermined";
        /**
         * @description A short reference to a source, as embedded in entries and entry statistics.
         * @example {
         *       "id": 3,
         *       "name": "Entrance camera"
         *     }
         */
        SourceRef: {
            /** @description The source id. */
            id: number;
            /** @description The source name. */
            name: string;
        };
        /**
         * @description The recorded result of one processed face, from a photo upload or a video stream.
         *     `new`, `reinit`, `exact`, `ha` and `junk` entries are tied to a person (`pid` set);
         *     `nm` (no match) and `det` (detection only) entries never are, so their `pid`,
         *     `pid_created`, `initial_face_image` and `initial_full_image` are null. Every field is
         *     always present; fields that do not apply are null.
         * @example {
         *       "id": 1052,
         *       "created": "2021-05-28T10:37:51.433760+00:00",
         *       "detected": "2021-05-28T10:37:51.102311+00:00",
         *       "result": "exact",
         *       "pid": "749c9583-5ae9-4b72-a8f9-e1018d99af7e",
         *       "pid_created": "2021-05-20T08:12:03.518422+00:00",
         *       "confidence": 86.2,
         *       "source": {
         *         "id": 3,
         *         "name": "Entrance camera"
         *       },
         *       "space": {
         *         "id": 1,
         *         "name": "default"
         *       },
         *       "face_image": "https://cdn.neuroio.com/entries/2021/05/28/face-1052.jpg",
         *       "full_image": "https://cdn.neuroio.com/entries/2021/05/28/full-1052.jpg",
         *       "initial_face_image": "https://cdn.neuroio.com/entries/2021/05/20/face-977.jpg",
         *       "initial_full_image": "https://cdn.neuroio.com/entries/2021/05/20/full-977.jpg",
         *       "facesize": 31684,
         *       "age": 34,
         *       "sex": 1,
         *       "mood": "happiness",
         *       "liveness": "passed",
         *       "exposure": 0.62,
         *       "pan": -4.5,
         *       "tilt": 2.1
         *     }
         */
        Entry: {
            /** @description The entry id; ids grow with time (see the `id_from` filter). */
            id: number;
            /**
             * Format: date-time
             * @description When the entry was recorded.
             */
            created: string;
            /**
             * Format: date-time
             * @description When the face was seen: the stream's PPS time when the source has `use_pps_time`,
             *     otherwise the server clock (for photo uploads equal to `created`).
             */
            detected: string;
            result: components["schemas"]["EntryResult"];
            /** @description The person this entry is tied to; null for `nm` and `det` entries. */
            pid: string | null;
            /**
             * Format: date-time
             * @description When that person was created; null when `pid` is null.
             */
            pid_created: string | null;
            /**
             * @description Similarity in percent to the closest person (compare with the space's thresholds);
             *     100 for `new` entries, 0 for `nm` when the space has no persons, null for `det`
             *     entries (no comparison was made).
             */
            confidence: number | null;
            /** @description The source the face came from; null for a search, which names no source. */
            source: components["schemas"]["SourceRef"] | null;
            space: components["schemas"]["Space"];
            /**
             * Format: uri
             * @description URL of the cropped face; null when the source does not keep images for this result (`store_images_for_results`).
             */
            face_image: string | null;
            /**
             * Format: uri
             * @description URL of the full frame or photo; null when the source does not keep images for this result.
             */
            full_image: string | null;
            /**
             * Format: uri
             * @description URL of the face the person was created (or last re-initialised) from; null when `pid` is null or that image was not kept.
             */
            initial_face_image: string | null;
            /**
             * Format: uri
             * @description URL of the full photo the person was created (or last re-initialised) from; null when `pid` is null or that image was not kept.
             */
            initial_full_image: string | null;
            /** @description Size of the face (face area; unit inferred to be pixels), compared with the source's facesize thresholds. */
            facesize: number;
            /** @description Estimated age; null when age, sex and mood were not estimated (`*_identify_asm` off). */
            age: number | null;
            /** @description Estimated sex; null when not estimated. */
            sex: components["schemas"]["Sex"] | null;
            /** @description Estimated mood; null when not estimated. */
            mood: components["schemas"]["Mood"] | null;
            /** @description Liveness outcome; null when no liveness check ran (photo uploads, or `auto_check_liveness` off). */
            liveness: components["schemas"]["Liveness"] | null;
            /** @description Exposure quality measure of the face (scale not stated). */
            exposure: number;
            /** @description Horizontal turn of the face (unit not stated; degrees inferred). */
            pan: number;
            /** @description Vertical tilt of the face (unit not stated; degrees inferred). */
            tilt: number;
        };
        /**
         * @description One page of entries, newest first.
         * @example {
         *       "count": 2,
         *       "next": null,
         *       "previous": null,
         *       "results": [
         *         {
         *           "id": 1052,
         *           "created": "2021-05-28T10:37:51.433760+00:00",
         *           "detected": "2021-05-28T10:37:51.102311+00:00",
         *           "result": "exact",
         *           "pid": "749c9583-5ae9-4b72-a8f9-e1018d99af7e",
         *           "pid_created": "2021-05-20T08:12:03.518422+00:00",
         *           "confidence": 86.2,
         *           "source": {
         *             "id": 3,
         *             "name": "Entrance camera"
         *           },
         *           "space": {
         *             "id": 1,
         *             "name": "default"
         *           },
         *           "face_image": "https://cdn.neuroio.com/entries/2021/05/28/face-1052.jpg",
         *           "full_image": "https://cdn.neuroio.com/entries/2021/05/28/full-1052.jpg",
         *           "initial_face_image": "https://cdn.neuroio.com/entries/2021/05/20/face-977.jpg",
         *           "initial_full_image": "https://cdn.neuroio.com/entries/2021/05/20/full-977.jpg",
         *           "facesize": 31684,
         *           "age": 34,
         *           "sex": 1,
         *           "mood": "happiness",
         *           "liveness": "passed",
         *           "exposure": 0.62,
         *           "pan": -4.5,
         *           "tilt": 2.1
         *         },
         *         {
         *           "id": 1053,
         *           "created": "2021-05-28T10:38:02.118204+00:00",
         *           "detected": "2021-05-28T10:38:01.950017+00:00",
         *           "result": "nm",
         *           "pid": null,
         *           "pid_created": null,
         *           "confidence": 41.7,
         *           "source": {
         *             "id": 3,
         *             "name": "Entrance camera"
         *           },
         *           "space": {
         *             "id": 1,
         *             "name": "default"
         *           },
         *           "face_image": "https://cdn.neuroio.com/entries/2021/05/28/face-1053.jpg",
         *           "full_image": "https://cdn.neuroio.com/entries/2021/05/28/full-1053.jpg",
         *           "initial_face_image": null,
         *           "initial_full_image": null,
         *           "facesize": 12544,
         *           "age": 27,
         *           "sex": 0,
         *           "mood": "neutral",
         *           "liveness": null,
         *           "exposure": 0.48,
         *           "pan": 11.3,
         *           "tilt": -3.8
         *         }
         *       ]
         *     }
         */
        EntryPage: {
            /** @description Total number of entries matching the filters, across all pages. */
            count: number;
            /**
             * Format: uri
             * @description URL of the next page; null on the last page.
             */
            next: string | null;
            /**
             * Format: uri
             * @description URL of the previous page; null on the first page.
             */
            previous: string | null;
            results: components["schemas"]["Entry"][];
        };
        /**
         * @description How many of a person's entries had each liveness outcome (entries without a liveness check are not counted).
         * @example {
         *       "passed": 14,
         *       "failed": 1,
         *       "undetermined": 2
         *     }
         */
        EntryStatsLiveness: {
            passed: number;
            failed: number;
            undetermined: number;
        };
        /**
         * @description Statistics of one person's entries, and how the person was created. The `initial_*`
         *     fields describe the face the person was created (or last re-initialised) from; the
         *     counters count the person's entries by result and liveness outcome.
         * @example {
         *       "pid": "749c9583-5ae9-4b72-a8f9-e1018d99af7e",
         *       "pid_created": "2021-05-20T08:12:03.518422+00:00",
         *       "pid_source": {
         *         "id": 3,
         *         "name": "Entrance camera"
         *       },
         *       "age": 34,
         *       "sex": 1,
         *       "initial_face_image": "https://cdn.neuroio.com/entries/2021/05/20/face-977.jpg",
         *       "initial_full_image": "https://cdn.neuroio.com/entries/2021/05/20/full-977.jpg",
         *       "initial_facesize": 30976,
         *       "initial_liveness": "passed",
         *       "total": 18,
         *       "exact": 12,
         *       "ha": 3,
         *       "junk": 1,
         *       "reinit": 1,
         *       "liveness": {
         *         "passed": 14,
         *         "failed": 1,
         *         "undetermined": 2
         *       }
         *     }
         */
        EntryStats: {
            /** @description The person id. */
            pid: string;
            /**
             * Format: date-time
             * @description When the person was created.
             */
            pid_created: string;
            /** @description The source the person was created from. */
            pid_source: components["schemas"]["SourceRef"];
            /** @description Age estimated from the initial face; null when it was not estimated. */
            age: number | null;
            /** @description Sex estimated from the initial face; null when it was not estimated. */
            sex: components["schemas"]["Sex"] | null;
            /**
             * Format: uri
             * @description URL of the initial face; null when that image was not kept.
             */
            initial_face_image: string | null;
            /**
             * Format: uri
             * @description URL of the initial full photo; null when that image was not kept.
             */
            initial_full_image: string | null;
            /** @description Face size of the initial face. */
            initial_facesize: number;
            /** @description Liveness outcome of the initial face; null when no liveness check ran. */
            initial_liveness: components["schemas"]["Liveness"] | null;
            /** @description Number of entries tied to the person, of every result. */
            total: number;
            /** @description Number of the person's `exact` entries. */
            exact: number;
            /** @description Number of the person's `ha` entries. */
            ha: number;
            /** @description Number of the person's `junk` entries. */
            junk: number;
            /** @description Number of the person's `reinit` entries. */
            reinit: number;
            liveness: components["schemas"]["EntryStatsLiveness"];
        };
        /**
         * @description A photo to create a person from. Optional fields left out take the value of the
         *     source's matching `manual_*` setting.
         * @example {
         *       "image": "(binary JPEG)",
         *       "source": "Entrance camera",
         *       "facesize": 25000,
         *       "create_on_ha": false,
         *       "create_on_junk": false,
         *       "identify_asm": true
         *     }
         */
        PersonCreateParams: {
            /**
             * Format: binary
             * @description The photo (JPEG or PNG) with one face.
             */
            image: Blob;
            /** @description The **name** of the source the photo comes from; it must be visible from the token's space. */
            source: string;
            /** @description Smallest face size a person is created from; default the source's `manual_create_facesize_threshold`. */
            facesize?: number;
            /** @description Create a new person even when the photo matches an existing one at `ha` level; default the source's `manual_create_on_ha`. */
            create_on_ha?: boolean;
            /** @description Create a new person even when the photo matches an existing one at `junk` level; default the source's `manual_create_on_junk`. */
            create_on_junk?: boolean;
            /** @description Also estimate age, sex and mood and return them; default the source's `manual_identify_asm`. */
            identify_asm?: boolean;
        };
        /**
         * @description The outcome of creating or searching a person from a photo (or creating one from an
         *     entry).
         *
         *     * `new`: a person was created; `pid` is the new person and `confidence` is 100.
         *     * `exact`, `ha`, `junk`: the photo matched the existing person `pid` at that level of
         *       the space's thresholds; `confidence` is the similarity in percent.
         *     * `nm` (search only): nobody matched; `pid` is null and `confidence` is the similarity
         *       of the closest person (0 when the space has no persons).
         *
         *     `age`, `sex` and `mood` are present only when age, sex and mood were estimated
         *     (`identify_asm`), and absent otherwise.
         * @example {
         *       "result": "new",
         *       "pid": "749c9583-5ae9-4b72-a8f9-e1018d99af7e",
         *       "confidence": 100,
         *       "age": 34,
         *       "sex": 1,
         *       "mood": "happiness"
         *     }
         */
        PersonResult: {
            result: components["schemas"]["EntryResult"];
            /** @description The created or matched person; null when `result` is `nm`. */
            pid: string | null;
            /** @description Similarity in percent between the photo and the person (100 for a new person). */
            confidence: number;
            /** @description Estimated age (only with `identify_asm`). */
            age?: number;
            /** @description Estimated sex (only with `identify_asm`). */
            sex?: components["schemas"]["Sex"];
            /** @description Estimated mood (only with `identify_asm`). */
            mood?: components["schemas"]["Mood"];
        };
        /**
         * @description An entry to create a person from: an `nm`, `ha` or `junk` entry. Flags left
         *     out take the value of the entry's source's `manual_create_on_ha` /
         *     `manual_create_on_junk` setting.
         * @example {
         *       "id": 1053,
         *       "create_on_ha": false,
         *       "create_on_junk": true
         *     }
         */
        PersonCreateByEntryParams: {
            /** @description The entry id (the JS SDK's `entryId`). */
            id: number;
            /** @description Allow creating a person from an `ha` entry; default the source's `manual_create_on_ha`. */
            create_on_ha?: boolean;
            /** @description Allow creating a person from a `junk` entry; default the source's `manual_create_on_junk`. */
            create_on_junk?: boolean;
        };
        /**
         * @description The entry whose face replaces its person's face.
         * @example {
         *       "id": 1052
         *     }
         */
        PersonReinitParams: {
            /** @description The entry id (the JS SDK's `entryId`); the entry must be tied to a person. */
            id: number;
        };
        /**
         * @description A new photo of the person in the path. Optional fields left out take the value of the
         *     source's matching `manual_*` setting, except `result`.
         * @example {
         *       "image": "(binary JPEG)",
         *       "source": "Entrance camera",
         *       "facesize": 25000,
         *       "identify_asm": true,
         *       "result": "ha"
         *     }
         */
        PersonReinitByPhotoParams: {
            /**
             * Format: binary
             * @description The new photo (JPEG or PNG) with one face.
             */
            image: Blob;
            /** @description The **name** of the source the photo comes from; it must be visible from the token's space. */
            source: string;
            /** @description Smallest face size accepted; default the source's `manual_create_facesize_threshold`. */
            facesize?: number;
            /** @description Estimate age, sex and mood for the recorded entry; default the source's `manual_identify_asm`. */
            identify_asm?: boolean;
            /**
             * @description The lowest match level the photo must reach against the person's current face:
             *     `exact`, `ha` or `junk` (by the space's thresholds). Other values are rejected (400).
             * @default ha
             */
            result?: components["schemas"]["EntryResult"];
        };
        /**
         * @description A photo to look up among the persons of the token's space.
         * @example {
         *       "image": "(binary JPEG)",
         *       "identify_asm": false
         *     }
         */
        PersonSearchParams: {
            /**
             * Format: binary
             * @description The photo (JPEG or PNG) with one face.
             */
            image: Blob;
            /**
             * @description Also estimate age, sex and mood and return them.
             * @default false
             */
            identify_asm?: boolean;
        };
        /**
         * @description A named group of persons. A group holds up to 100,000 persons and a person may be in
         *     any number of groups. Webhook notifications for an identified person carry the names of
         *     all groups the person belongs to.
         * @example {
         *       "id": 1,
         *       "space_id": 1,
         *       "name": "VIP customers",
         *       "persons_count": 2
         *     }
         */
        Group: {
            readonly id: number;
            /** @description The space the group belongs to. */
            readonly space_id: number;
            name: string;
            /** @description Number of persons in the group. */
            readonly persons_count: number;
        };
        /**
         * @description One page of person groups.
         * @example {
         *       "count": 21,
         *       "next": "https://api.neuroio.com/v1/groups/persons/?limit=20&offset=20",
         *       "previous": null,
         *       "results": [
         *         {
         *           "id": 1,
         *           "space_id": 1,
         *           "name": "VIP customers",
         *           "persons_count": 2
         *         }
         *       ]
         *     }
         */
        GroupPage: {
            /** @description Total number of groups matching the filters, across all pages. */
            count: number;
            /**
             * Format: uri
             * @description URL of the next page; null on the last page.
             */
            next: string | null;
            /**
             * Format: uri
             * @description URL of the previous page; null on the first page.
             */
            previous: string | null;
            results: components["schemas"]["Group"][];
        };
        /**
         * @description A new person group.
         * @example {
         *       "name": "VIP customers"
         *     }
         */
        GroupCreateParams: {
            /** @description The group's name. */
            name: string;
        };
        /**
         * @description Persons to add to (or remove from) groups: every person in `pids` is added to (or
         *     removed from) every group in `groups_ids`. At most 100 persons per request.
         * @example {
         *       "pids": [
         *         "749c9583-5ae9-4b72-a8f9-e1018d99af7e",
         *         "0f1c4a8e-3b0d-4c47-9a6e-5d2f1b7c8e90"
         *       ],
         *       "groups_ids": [
         *         1,
         *         2
         *       ]
         *     }
         */
        GroupPersonsParams: {
            /** @description Person ids (at most 100). */
            pids: string[];
            /** @description Person group ids. */
            groups_ids: number[];
        };
        /**
         * @description What was applied: the persons and the groups of the request. Adding a person already in
         *     a group, or removing one who is not in it, is not an error; the pair is simply left as
         *     asked.
         * @example {
         *       "pids": [
         *         "749c9583-5ae9-4b72-a8f9-e1018d99af7e",
         *         "0f1c4a8e-3b0d-4c47-9a6e-5d2f1b7c8e90"
         *       ],
         *       "groups_ids": [
         *         1,
         *         2
         *       ]
         *     }
         */
        GroupPersonsResult: {
            /** @description The person ids the request named. */
            readonly pids: string[];
            /** @description The group ids the request named. */
            readonly groups_ids: number[];
        };
        /**
         * @description A partial update of a person group; fields left out keep their value.
         * @example {
         *       "name": "Regular customers"
         *     }
         */
        GroupUpdateParams: {
            /** @description The group's new name. */
            name?: string;
        };
        /**
         * @description A person in a group.
         * @example {
         *       "pid": "749c9583-5ae9-4b72-a8f9-e1018d99af7e",
         *       "pid_source": "default"
         *     }
         */
        GroupMember: {
            /** @description The person id. */
            readonly pid: string;
            /** @description The name of the source the person was created from. */
            readonly pid_source: string;
        };
        /**
         * @description One page of the persons in a group.
         * @example {
         *       "count": 1,
         *       "next": null,
         *       "previous": null,
         *       "results": [
         *         {
         *           "pid": "749c9583-5ae9-4b72-a8f9-e1018d99af7e",
         *           "pid_source": "default"
         *         }
         *       ]
         *     }
         */
        GroupMemberPage: {
            /** @description Total number of matching persons in the group, across all pages. */
            count: number;
            /**
             * Format: uri
             * @description URL of the next page; null on the last page.
             */
            next: string | null;
            /**
             * Format: uri
             * @description URL of the previous page; null on the first page.
             */
            previous: string | null;
            results: components["schemas"]["GroupMember"][];
        };
        /**
         * @description The HTTP method a webhook is sent with: `0` = POST, `1` = GET.
         * @example 0
         * @enum {integer}
         */
        HttpMethod: 0 | 1;
        /**
         * @description A webhook: for every new entry that passes all of its filters, NeuroIO sends a request
         *     with `http_method` to `destination_url`. A filter that is empty (`[]`, or `null` for the
         *     ages) does not restrict. Notifications for an identified person carry the names of all
         *     groups the person belongs to.
         * @example {
         *       "id": 1,
         *       "space_id": 1,
         *       "name": "VIP at the entrance",
         *       "is_active": true,
         *       "http_method": 0,
         *       "destination_url": "https://hooks.example.com/neuroio/entries",
         *       "results": [
         *         "exact",
         *         "ha"
         *       ],
         *       "moods": [],
         *       "liveness": [
         *         "passed"
         *       ],
         *       "age_from": 18,
         *       "age_to": null,
         *       "sex": [],
         *       "sources": [
         *         3
         *       ],
         *       "persons_groups": [
         *         1
         *       ]
         *     }
         */
        Notification: {
            readonly id: number;
            /** @description The space the notification belongs to. */
            readonly space_id: number;
            name: string;
            /** @description Only active notifications are sent. */
            is_active: boolean;
            http_method: components["schemas"]["HttpMethod"];
            /**
             * Format: uri
             * @description Where the webhook is sent.
             */
            destination_url: string;
            /** @description Only entries with one of these results; empty = any. */
            results: components["schemas"]["EntryResult"][];
            /** @description Only entries with one of these moods; empty = any. */
            moods: components["schemas"]["Mood"][];
            /** @description Only entries with one of these liveness outcomes; empty = any. */
            liveness: components["schemas"]["Liveness"][];
            /** @description Only entries with an estimated age of at least this; null = no lower bound. */
            age_from: number | null;
            /** @description Only entries with an estimated age of at most this; null = no upper bound. */
            age_to: number | null;
            /** @description Only entries of these sexes; empty = any. */
            sex: components["schemas"]["Sex"][];
            /** @description Only entries from these source ids; empty = any source. */
            sources: number[];
            /** @description Only entries of persons in one of these person group ids; empty = anyone. */
            persons_groups: number[];
        };
        /**
         * @description One page of notifications.
         * @example {
         *       "count": 1,
         *       "next": null,
         *       "previous": null,
         *       "results": [
         *         {
         *           "id": 1,
         *           "space_id": 1,
         *           "name": "VIP at the entrance",
         *           "is_active": true,
         *           "http_method": 0,
         *           "destination_url": "https://hooks.example.com/neuroio/entries",
         *           "results": [
         *             "exact",
         *             "ha"
         *           ],
         *           "moods": [],
         *           "liveness": [
         *             "passed"
         *           ],
         *           "age_from": 18,
         *           "age_to": null,
         *           "sex": [],
         *           "sources": [
         *             3
         *           ],
         *           "persons_groups": [
         *             1
         *           ]
         *         }
         *       ]
         *     }
         */
        NotificationPage: {
            /** @description Total number of notifications matching the filters, across all pages. */
            count: number;
            /**
             * Format: uri
             * @description URL of the next page; null on the last page.
             */
            next: string | null;
            /**
             * Format: uri
             * @description URL of the previous page; null on the first page.
             */
            previous: string | null;
            results: components["schemas"]["Notification"][];
        };
        /**
         * @description A new webhook notification. Filters left out do not restrict (any result, mood,
         *     liveness, age, sex, source or person).
         * @example {
         *       "name": "VIP at the entrance",
         *       "is_active": true,
         *       "http_method": 0,
         *       "destination_url": "https://hooks.example.com/neuroio/entries",
         *       "results": [
         *         "exact",
         *         "ha"
         *       ],
         *       "liveness": [
         *         "passed"
         *       ],
         *       "age_from": 18,
         *       "sources": [
         *         3
         *       ],
         *       "persons_groups": [
         *         1
         *       ]
         *     }
         */
        NotificationCreateParams: {
            name: string;
            /**
             * @description Only active notifications are sent.
             * @default true
             */
            is_active?: boolean;
            http_method: components["schemas"]["HttpMethod"];
            /**
             * Format: uri
             * @description Where the webhook is sent.
             */
            destination_url: string;
            /** @description Only entries with one of these results. */
            results?: components["schemas"]["EntryResult"][];
            /** @description Only entries with one of these moods. */
            moods?: components["schemas"]["Mood"][];
            /** @description Only entries with one of these liveness outcomes. */
            liveness?: components["schemas"]["Liveness"][];
            /** @description Only entries with an estimated age of at least this. */
            age_from?: number;
            /** @description Only entries with an estimated age of at most this. */
            age_to?: number;
            /** @description Only entries of these sexes. */
            sex?: components["schemas"]["Sex"][];
            /** @description Only entries from these source ids. */
            sources?: number[];
            /** @description Only entries of persons in one of these person group ids. */
            persons_groups?: number[];
        };
        /**
         * @description A partial update of a notification; fields left out keep their value. An empty array
         *     removes that filter; `null` removes an age bound.
         * @example {
         *       "is_active": false
         *     }
         */
        NotificationUpdateParams: {
            name?: string;
            /** @description Only active notifications are sent. */
            is_active?: boolean;
            http_method?: components["schemas"]["HttpMethod"];
            /**
             * Format: uri
             * @description Where the webhook is sent.
             */
            destination_url?: string;
            /** @description Only entries with one of these results; empty = any. */
            results?: components["schemas"]["EntryResult"][];
            /** @description Only entries with one of these moods; empty = any. */
            moods?: components["schemas"]["Mood"][];
            /** @description Only entries with one of these liveness outcomes; empty = any. */
            liveness?: components["schemas"]["Liveness"][];
            /** @description Only entries with an estimated age of at least this; null = no lower bound. */
            age_from?: number | null;
            /** @description Only entries with an estimated age of at most this; null = no upper bound. */
            age_to?: number | null;
            /** @description Only entries of these sexes; empty = any. */
            sex?: components["schemas"]["Sex"][];
            /** @description Only entries from these source ids; empty = any source. */
            sources?: number[];
            /** @description Only entries of persons in one of these person group ids; empty = anyone. */
            persons_groups?: number[];
        };
        /**
         * @description The similarity thresholds, in percent (0–100), that decide the result of each new
         *     entry in the space: a match scoring at least `exact` is `exact`, at least `ha` is
         *     `ha`, at least `junk` is `junk`. Changes apply only to future entries. A space that
         *     never changed its thresholds has the defaults 79.3 / 75.5 / 68.84.
         * @example {
         *       "space_id": 1,
         *       "exact": 79.3,
         *       "ha": 75.5,
         *       "junk": 68.84
         *     }
         */
        Thresholds: {
            /** @description The space these thresholds apply to. */
            readonly space_id: number;
            /**
             * @description Lowest similarity (percent) for an `exact` result.
             * @default 79.3
             */
            exact: number;
            /**
             * @description Lowest similarity (percent) for an `ha` result.
             * @default 75.5
             */
            ha: number;
            /**
             * @description Lowest similarity (percent) for a `junk` result.
             * @default 68.84
             */
            junk: number;
        };
        /**
         * @description A partial update of the thresholds, in percent (0–100); fields left out keep their
         *     value. The Python SDK sends all three (79.3 / 75.5 / 68.84 unless given).
         * @example {
         *       "exact": 90,
         *       "ha": 80,
         *       "junk": 70
         *     }
         */
        ThresholdsUpdateParams: {
            /** @description Lowest similarity (percent) for an `exact` result. */
            exact?: number;
            /** @description Lowest similarity (percent) for an `ha` result. */
            ha?: number;
            /** @description Lowest similarity (percent) for a `junk` result. */
            junk?: number;
        };
        /**
         * @description A stream token (API host). It has the same fields and rules as an IAM token: temporary
         *     tokens expire 24 hours after `created`, permanent tokens have `expires` null, and a
         *     space has at most 5 permanent stream tokens.
         * @example {
         *       "id": 3,
         *       "key": "7f2c9a41d0b84e6fa1c35e9b2d4f8a60",
         *       "is_active": true,
         *       "created": "2021-05-28T10:37:51.433760+00:00",
         *       "expires": "2021-05-29T10:37:51.433563+00:00"
         *     }
         */
        StreamToken: components["schemas"]["Token"];
        /**
         * @description A new stream token.
         * @example {
         *       "permanent": false
         *     }
         */
        StreamTokenCreateParams: {
            /**
             * @description `true`: a permanent token (at most 5 per space); `false`: a temporary token valid for 24 hours.
             * @default false
             */
            permanent?: boolean;
        };
        /**
         * @description Activate or deactivate a stream token.
         * @example {
         *       "is_active": false
         *     }
         */
        StreamTokenUpdateParams: {
            /** @description Only active tokens are accepted. */
            is_active: boolean;
        };
        /**
         * @description Two photos, each with one face, and the match level to test against.
         * @example {
         *       "image1": "<JPEG bytes>",
         *       "image2": "<JPEG bytes>",
         *       "result": "ha"
         *     }
         */
        CompareParams: {
            /**
             * Format: binary
             * @description The first photo (JPEG or PNG).
             */
            image1: Blob;
            /**
             * Format: binary
             * @description The second photo (JPEG or PNG).
             */
            image2: Blob;
            /**
             * @description The lowest match level that counts as "similar": `exact`, `ha` or `junk`. Other
             *     values are rejected with 400.
             * @default ha
             */
            result?: components["schemas"]["EntryResult"];
        };
        /**
         * @description Whether two faces belong to the same person.
         * @example {
         *       "similar": true,
         *       "result": "exact"
         *     }
         */
        CompareResult: {
            /** @description True when the faces match at the requested level or a stricter one. */
            readonly similar: boolean;
            /**
             * @description The best level the two faces reached: `exact`, `ha`, `junk`, or `nm` when they do
             *     not match at any level.
             */
            readonly result: components["schemas"]["EntryResult"];
        };
        /**
         * @description A photo with one face.
         * @example {
         *       "image": "<JPEG bytes>"
         *     }
         */
        AsmParams: {
            /**
             * Format: binary
             * @description The photo (JPEG or PNG).
             */
            image: Blob;
        };
        /**
         * @description Age, sex and mood estimated from a face.
         * @example {
         *       "age": 31,
         *       "sex": 1,
         *       "mood": "happiness"
         *     }
         */
        AsmResult: {
            /** @description Estimated age in years. */
            readonly age: number;
            readonly sex: components["schemas"]["Sex"];
            readonly mood: components["schemas"]["Mood"];
        };
        /**
         * @description The person identified in a recent entry.
         * @example {
         *       "pid": "749c9583-5ae9-4b72-a8f9-e1018d99af7e"
         *     }
         */
        CustomerResult: {
            /** @description The person id. */
            readonly pid: string;
        };
        /**
         * @description One photo that shows both the person's face and an identity document with its photo
         *     (for example a selfie holding a passport).
         * @example {
         *       "photo": "<JPEG bytes>",
         *       "facesize": 7000,
         *       "result": "ha"
         *     }
         */
        FaceidCompareParams: {
            /**
             * Format: binary
             * @description The photo (JPEG or PNG).
             */
            photo: Blob;
            /** @description Smallest face size, in pixels of face area, to consider. */
            facesize?: number;
            /**
             * @description The lowest match level that counts as "similar": `exact`, `ha` or `junk`. Other
             *     values are rejected with 400.
             * @default ha
             */
            result?: components["schemas"]["EntryResult"];
        };
        /**
         * @description A photo of the person and a photo of their identity document, with the document type.
         * @example {
         *       "photo_face": "<JPEG bytes>",
         *       "photo_id": "<JPEG bytes>",
         *       "id_code": "ru",
         *       "result": "ha"
         *     }
         */
        FaceidVerificationParams: {
            /**
             * Format: binary
             * @description A photo of the person's face (JPEG or PNG).
             */
            photo_face: Blob;
            /** @description Smallest face size, in pixels of face area, to consider in `photo_face`. */
            photo_face_facesize?: number;
            /**
             * Format: binary
             * @description A photo of the identity document (JPEG or PNG).
             */
            photo_id: Blob;
            /** @description Smallest face size, in pixels of face area, to consider in `photo_id`. */
            photo_id_facesize?: number;
            /** @description The document type, one of the codes `GET /v1/faceid/id-codes/` lists (e.g. `ru`). */
            id_code: string;
            /**
             * @description The lowest match level that counts as "similar": `exact`, `ha` or `junk`. Other
             *     values are rejected with 400.
             * @default ha
             */
            result?: components["schemas"]["EntryResult"];
        };
        /**
         * @description Whether the person's face matches the document photo, with the data read from the
         *     document.
         * @example {
         *       "similar": true,
         *       "result": "ha",
         *       "extra": {
         *         "id_code": "ru"
         *       },
         *       "documents": [
         *         {
         *           "type": "passport",
         *           "surname": "IVANOV",
         *           "given_names": "IVAN",
         *           "date_of_birth": "1985-03-14",
         *           "number": "4509 123456"
         *         }
         *       ]
         *     }
         */
        VerificationResult: {
            /** @description True when the faces match at the requested level or a stricter one. */
            readonly similar: boolean;
            /**
             * @description The best level the two faces reached: `exact`, `ha`, `junk`, or `nm` when they do
             *     not match at any level.
             */
            readonly result: components["schemas"]["EntryResult"];
            /** @description Further free-form details of the check; left out when there are none. */
            readonly extra?: {
                [key: string]: unknown;
            };
            /**
             * @description The documents recognised on `photo_id`, each as free-form field names and values
             *     read from it; empty when none could be read.
             */
            readonly documents: {
                [key: string]: unknown;
            }[];
        };
        /**
         * @description An identity document type that `faceid.verification` accepts as `id_code`.
         * @example {
         *       "code": "ru",
         *       "name": "Russian passport"
         *     }
         */
        IdCode: {
            /** @description The value to send as `id_code`. */
            readonly code: string;
            /** @description Human-readable document type. */
            readonly name: string;
        };
        /**
         * @description The version of the API.
         * @example {
         *       "version": "1.3.1"
         *     }
         */
        VersionResult: {
            /** @description The API version number. */
            readonly version: string;
        };
    };
    responses: {
        /** @description The token is missing, inactive, expired or revoked. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description The request is invalid; `fields` names each invalid field. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description No object with this id is visible to the token (it does not exist, or it belongs to a space the token cannot see). */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description The token is valid but its kind may not call this operation (manager tokens only reach IAM; billing is not for manager tokens). */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description The upload is larger than the server accepts. */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
    };
    parameters: {
        /** @description `true`: only permanent tokens; `false`: only temporary tokens; left out: all tokens. */
        Permanent: boolean;
        /** @description Page size. */
        Limit: number;
        /** @description Number of items to skip. */
        Offset: number;
        /** @description The token's integer id or its key. */
        TokenIdOrKey: number | string;
        /** @description Case-insensitive search in the name. */
        Q: string;
        /** @description The object's integer id. */
        Id: number;
        /** @description Only items of these spaces (comma-joined ids, e.g. `1,2,3`). */
        SpacesIds: number[];
        /** @description The person id (a UUID-like string). */
        Pid: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type SchemaLoginParams = components['schemas']['LoginParams'];
export type SchemaSpace = components['schemas']['Space'];
export type SchemaUser = components['schemas']['User'];
export type SchemaToken = components['schemas']['Token'];
export type SchemaLoginResponse = components['schemas']['LoginResponse'];
export type SchemaErrorField = components['schemas']['ErrorField'];
export type SchemaErrorBody = components['schemas']['ErrorBody'];
export type SchemaPasswordChangeParams = components['schemas']['PasswordChangeParams'];
export type SchemaTokenCreateParams = components['schemas']['TokenCreateParams'];
export type SchemaTokenUpdateParams = components['schemas']['TokenUpdateParams'];
export type SchemaSpacePage = components['schemas']['SpacePage'];
export type SchemaSpaceCreateParams = components['schemas']['SpaceCreateParams'];
export type SchemaSpaceUpdateParams = components['schemas']['SpaceUpdateParams'];
export type SchemaSpaceTokenCreateParams = components['schemas']['SpaceTokenCreateParams'];
export type SchemaLicense = components['schemas']['License'];
export type SchemaLicensePage = components['schemas']['LicensePage'];
export type SchemaLicenseCreateParams = components['schemas']['LicenseCreateParams'];
export type SchemaLicenseUpdateParams = components['schemas']['LicenseUpdateParams'];
export type SchemaBillingEventType = components['schemas']['BillingEventType'];
export type SchemaBillingUsage = components['schemas']['BillingUsage'];
export type SchemaBillingUsagePage = components['schemas']['BillingUsagePage'];
export type SchemaBillingTotalItem = components['schemas']['BillingTotalItem'];
export type SchemaBillingTotal = components['schemas']['BillingTotal'];
export type SchemaEntryResult = components['schemas']['EntryResult'];
export type SchemaSource = components['schemas']['Source'];
export type SchemaSourcePage = components['schemas']['SourcePage'];
export type SchemaSourceCreateParams = components['schemas']['SourceCreateParams'];
export type SchemaSourceUpdateParams = components['schemas']['SourceUpdateParams'];
export type SchemaSex = components['schemas']['Sex'];
export type SchemaMood = components['schemas']['Mood'];
export type SchemaLiveness = components['schemas']['Liveness'];
export type SchemaSourceRef = components['schemas']['SourceRef'];
export type SchemaEntry = components['schemas']['Entry'];
export type SchemaEntryPage = components['schemas']['EntryPage'];
export type SchemaEntryStatsLiveness = components['schemas']['EntryStatsLiveness'];
export type SchemaEntryStats = components['schemas']['EntryStats'];
export type SchemaPersonCreateParams = components['schemas']['PersonCreateParams'];
export type SchemaPersonResult = components['schemas']['PersonResult'];
export type SchemaPersonCreateByEntryParams = components['schemas']['PersonCreateByEntryParams'];
export type SchemaPersonReinitParams = components['schemas']['PersonReinitParams'];
export type SchemaPersonReinitByPhotoParams = components['schemas']['PersonReinitByPhotoParams'];
export type SchemaPersonSearchParams = components['schemas']['PersonSearchParams'];
export type SchemaGroup = components['schemas']['Group'];
export type SchemaGroupPage = components['schemas']['GroupPage'];
export type SchemaGroupCreateParams = components['schemas']['GroupCreateParams'];
export type SchemaGroupPersonsParams = components['schemas']['GroupPersonsParams'];
export type SchemaGroupPersonsResult = components['schemas']['GroupPersonsResult'];
export type SchemaGroupUpdateParams = components['schemas']['GroupUpdateParams'];
export type SchemaGroupMember = components['schemas']['GroupMember'];
export type SchemaGroupMemberPage = components['schemas']['GroupMemberPage'];
export type SchemaHttpMethod = components['schemas']['HttpMethod'];
export type SchemaNotification = components['schemas']['Notification'];
export type SchemaNotificationPage = components['schemas']['NotificationPage'];
export type SchemaNotificationCreateParams = components['schemas']['NotificationCreateParams'];
export type SchemaNotificationUpdateParams = components['schemas']['NotificationUpdateParams'];
export type SchemaThresholds = components['schemas']['Thresholds'];
export type SchemaThresholdsUpdateParams = components['schemas']['ThresholdsUpdateParams'];
export type SchemaStreamToken = components['schemas']['StreamToken'];
export type SchemaStreamTokenCreateParams = components['schemas']['StreamTokenCreateParams'];
export type SchemaStreamTokenUpdateParams = components['schemas']['StreamTokenUpdateParams'];
export type SchemaCompareParams = components['schemas']['CompareParams'];
export type SchemaCompareResult = components['schemas']['CompareResult'];
export type SchemaAsmParams = components['schemas']['AsmParams'];
export type SchemaAsmResult = components['schemas']['AsmResult'];
export type SchemaCustomerResult = components['schemas']['CustomerResult'];
export type SchemaFaceidCompareParams = components['schemas']['FaceidCompareParams'];
export type SchemaFaceidVerificationParams = components['schemas']['FaceidVerificationParams'];
export type SchemaVerificationResult = components['schemas']['VerificationResult'];
export type SchemaIdCode = components['schemas']['IdCode'];
export type SchemaVersionResult = components['schemas']['VersionResult'];
export type ResponseUnauthorized = components['responses']['Unauthorized'];
export type ResponseBadRequest = components['responses']['BadRequest'];
export type ResponseNotFound = components['responses']['NotFound'];
export type ResponseForbidden = components['responses']['Forbidden'];
export type ResponsePayloadTooLarge = components['responses']['PayloadTooLarge'];
export type ParameterPermanent = components['parameters']['Permanent'];
export type ParameterLimit = components['parameters']['Limit'];
export type ParameterOffset = components['parameters']['Offset'];
export type ParameterTokenIdOrKey = components['parameters']['TokenIdOrKey'];
export type ParameterQ = components['parameters']['Q'];
export type ParameterId = components['parameters']['Id'];
export type ParameterSpacesIds = components['parameters']['SpacesIds'];
export type ParameterPid = components['parameters']['Pid'];
export type $defs = Record<string, never>;
export interface operations {
    "auth.login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginParams"];
            };
        };
        responses: {
            /** @description Logged in; send `token.key` as `Authorization: Token <key>`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponse"];
                };
            };
            /** @description Wrong credentials (code 602) or an invalid body (code 400). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    "auth.passwordChange": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordChangeParams"];
            };
        };
        responses: {
            /** @description Password changed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation error, e.g. the current password is wrong. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    "whoami.me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The current user and space. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    "tokens.list": {
        parameters: {
            query?: {
                /** @description `true`: only permanent tokens; `false`: only temporary tokens; left out: all tokens. */
                permanent?: components["parameters"]["Permanent"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description Number of items to skip. */
                offset?: components["parameters"]["Offset"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tokens (at most `limit`, after skipping `offset`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Token"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    "tokens.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TokenCreateParams"];
            };
        };
        responses: {
            /** @description The new token. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Token"];
                };
            };
            /** @description The token cannot be created, e.g. the limit of 5 permanent tokens is reached. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    "tokens.deleteList": {
        parameters: {
            query?: {
                /** @description `true`: only permanent tokens; `false`: only temporary tokens; left out: all tokens. */
                permanent?: components["parameters"]["Permanent"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The matching tokens are deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    "tokens.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The token's integer id or its key. */
                token_id_or_key: components["parameters"]["TokenIdOrKey"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The token. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Token"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    "tokens.delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The token's integer id or its key. */
                token_id_or_key: components["parameters"]["TokenIdOrKey"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The token is deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    "tokens.update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The token's integer id or its key. */
                token_id_or_key: components["parameters"]["TokenIdOrKey"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TokenUpdateParams"];
                "application/x-www-form-urlencoded": components["schemas"]["TokenUpdateParams"];
            };
        };
        responses: {
            /** @description The updated token. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Token"];
                };
            };
            /** @description The body is invalid, e.g. `is_active` is missing. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    "spaces.list": {
        parameters: {
            query?: {
                /** @description Case-insensitive search in the name. */
                q?: components["parameters"]["Q"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description Number of items to skip. */
                offset?: components["parameters"]["Offset"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of spaces. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SpacePage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    "spaces.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SpaceCreateParams"];
            };
        };
        responses: {
            /** @description The new space. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Space"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            /** @description The token is a space token, which may not create spaces. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    "spaces.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The object's integer id. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The space. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Space"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    "spaces.delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The object's integer id. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deletion accepted; the space's data is removed in the background. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The space is deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The space cannot be deleted, e.g. it is the `default` space. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The token is a space token, which may not delete spaces. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: components["responses"]["NotFound"];
        };
    };
    "spaces.update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The object's integer id. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SpaceUpdateParams"];
            };
        };
        responses: {
            /** @description The updated space. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Space"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    "spaces.token": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The object's integer id. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SpaceTokenCreateParams"];
            };
        };
        responses: {
            /** @description The new space token. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Token"];
                };
            };
            /** @description The token cannot be created, e.g. the space already has 5 permanent tokens. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    "lists.spaces.all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All spaces. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Space"][];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    "licenses.sources.list": {
        parameters: {
            query?: {
                /** @description Case-insensitive search in the name. */
                q?: components["parameters"]["Q"];
                /**
                 * @description Only licenses created at or after this time (ISO 8601).
                 * @example 2021-05-01T00:00:00+00:00
                 */
                date_from?: string;
                /**
                 * @description Only licenses created at or before this time (ISO 8601).
                 * @example 2021-05-31T23:59:59+00:00
                 */
                date_to?: string;
                /** @description `true`: only licenses bound to a source; `false`: only unbound ones; left out: all. */
                is_bound?: boolean;
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description Number of items to skip. */
                offset?: components["parameters"]["Offset"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of licenses. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LicensePage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    "licenses.sources.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LicenseCreateParams"];
            };
        };
        responses: {
            /** @description The new license. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["License"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    "licenses.sources.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The object's integer id. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The license. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["License"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    "licenses.sources.delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The object's integer id. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The license is deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    "licenses.sources.update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The object's integer id. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LicenseUpdateParams"];
            };
        };
        responses: {
            /** @description The updated license. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["License"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    "billing.usage": {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description Number of items to skip. */
                offset?: components["parameters"]["Offset"];
                /** @description Only items of these spaces (comma-joined ids, e.g. `1,2,3`). */
                spaces_ids?: components["parameters"]["SpacesIds"];
                /** @description Only these event types (comma-joined, e.g. `1,3`); left out, all four. */
                event_types?: components["schemas"]["BillingEventType"][];
                /**
                 * @description First month included, `YYYY-MM`.
                 * @example 2021-01
                 */
                month_from?: string;
                /**
                 * @description Last month included, `YYYY-MM`.
                 * @example 2021-05
                 */
                month_to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of usage records. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BillingUsagePage"];
                };
            };
            /** @description A filter is invalid, e.g. a month is not `YYYY-MM` or `month_to` is before `month_from`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    "billing.usageTotal": {
        parameters: {
            query?: {
                /** @description Only items of these spaces (comma-joined ids, e.g. `1,2,3`). */
                spaces_ids?: components["parameters"]["SpacesIds"];
                /** @description Only these event types (comma-joined, e.g. `1,3`); left out, all four. */
                event_types?: components["schemas"]["BillingEventType"][];
                /**
                 * @description First month included, `YYYY-MM`.
                 * @example 2021-01
                 */
                month_from?: string;
                /**
                 * @description Last month included, `YYYY-MM`.
                 * @example 2021-05
                 */
                month_to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Total usage per event type. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BillingTotal"];
                };
            };
            /** @description A filter is invalid, e.g. a month is not `YYYY-MM` or `month_to` is before `month_from`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    "sources.list": {
        parameters: {
            query?: {
                /** @description Case-insensitive search in the name. */
                q?: components["parameters"]["Q"];
                /** @description Only items of these spaces (comma-joined ids, e.g. `1,2,3`). */
                spaces_ids?: components["parameters"]["SpacesIds"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description Number of items to skip. */
                offset?: components["parameters"]["Offset"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of sources. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SourcePage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    "sources.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SourceCreateParams"];
            };
        };
        responses: {
            /** @description The new source, with every setting. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Source"];
                };
            };
            /** @description The body is invalid, the name is already used in the space, or `license_id` is unknown or bound to another source. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    "sources.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The object's integer id. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The source. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Source"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    "sources.delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The object's integer id. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted; the source is deleted in the background. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    "sources.update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The object's integer id. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SourceUpdateParams"];
            };
        };
        responses: {
            /** @description The updated source, with every setting. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Source"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    "entries.list": {
        parameters: {
            query?: {
                /** @description Only entries of these persons. */
                pid?: string[];
                /** @description Only entries with one of these results. */
                result?: components["schemas"]["EntryResult"][];
                /** @description Only entries with an estimated age of at least this (entries without an age are left out). */
                age_from?: number;
                /** @description Only entries with an estimated age of at most this (entries without an age are left out). */
                age_to?: number;
                /** @description Only entries of these estimated sexes (`0` male, `1` female). */
                sex?: components["schemas"]["Sex"][];
                /** @description Only entries with one of these estimated moods. */
                mood?: components["schemas"]["Mood"][];
                /** @description Only entries with one of these liveness outcomes. */
                liveness?: components["schemas"]["Liveness"][];
                /** @description Only entries from these sources (comma-joined ids, e.g. `1,2,3`). */
                sources_ids?: number[];
                /** @description Only items of these spaces (comma-joined ids, e.g. `1,2,3`). */
                spaces_ids?: components["parameters"]["SpacesIds"];
                /** @description Only entries created at or after this moment (ISO 8601). */
                date_from?: string;
                /** @description Only entries created at or before this moment (ISO 8601). */
                date_to?: string;
                /** @description Only entries whose id is greater than or equal to this. */
                id_from?: number;
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description Number of items to skip. */
                offset?: components["parameters"]["Offset"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of entries. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntryPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    "entries.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The person id (a UUID-like string). */
                pid: components["parameters"]["Pid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The person's statistics. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntryStats"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No person with this pid is visible from the token's space. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    "entries.delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The object's integer id. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The entry is deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The id in the path is not an integer. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    "persons.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["PersonCreateParams"];
            };
        };
        responses: {
            /** @description The face already belongs to a person, who is returned instead of a duplicate (`result` is `exact`, `ha` or `junk`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonResult"];
                };
            };
            /** @description A new person was created (`result` is `new`). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonResult"];
                };
            };
            /**
             * @description The body is invalid: a required field is missing, the source is unknown or not
             *     visible, the photo has no face, or the face is smaller than `facesize`.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    "persons.createByEntry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PersonCreateByEntryParams"];
            };
        };
        responses: {
            /** @description The new person. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonResult"];
                };
            };
            /**
             * @description The body is invalid, the entry does not exist or is not visible, or no person may
             *     be created from it (its result and flags above).
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    "persons.reinit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PersonReinitParams"];
            };
        };
        responses: {
            /** @description The person is re-initialised. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is invalid, the entry does not exist or is not visible, or it is not tied to a person. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    "persons.reinitByPhoto": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The person id (a UUID-like string). */
                pid: components["parameters"]["Pid"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["PersonReinitByPhotoParams"];
            };
        };
        responses: {
            /** @description The person is re-initialised. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description The body is invalid: a required field is missing, the source is unknown or not
             *     visible, `result` is not `exact`, `ha` or `junk`, the photo has no face, the face
             *     is smaller than `facesize`, or it does not match the person at level `result`.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No person with this pid is visible from the token's space. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    "persons.search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["PersonSearchParams"];
            };
        };
        responses: {
            /** @description The best match, or `result: nm` with `pid: null` when nobody matched. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonResult"];
                };
            };
            /** @description The body is invalid, e.g. the image is missing or has no face. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    "persons.delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The person id (a UUID-like string). */
                pid: components["parameters"]["Pid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The person is deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No person with this pid is visible from the token's space. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    "groups.list": {
        parameters: {
            query?: {
                /** @description Case-insensitive search in the name. */
                q?: components["parameters"]["Q"];
                /** @description Only groups that contain at least one of these persons (comma-joined pids). */
                pids_include?: string[];
                /** @description Only groups that contain none of these persons (comma-joined pids). */
                pids_exclude?: string[];
                /** @description Only these groups (comma-joined ids, e.g. `1,2,3`). */
                groups_ids?: number[];
                /** @description Only items of these spaces (comma-joined ids, e.g. `1,2,3`). */
                spaces_ids?: components["parameters"]["SpacesIds"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description Number of items to skip. */
                offset?: components["parameters"]["Offset"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of groups. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    "groups.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupCreateParams"];
            };
        };
        responses: {
            /** @description The new group. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Group"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    "groups.add": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupPersonsParams"];
            };
        };
        responses: {
            /** @description The persons are in the groups. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupPersonsResult"];
                };
            };
            /**
             * @description The body is invalid: more than 100 pids, an empty list, an unknown person or an
             *     unknown group (the field error names `pids` or `groups_ids`).
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    "groups.remove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupPersonsParams"];
            };
        };
        responses: {
            /** @description The persons are no longer in the groups. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupPersonsResult"];
                };
            };
            /**
             * @description The body is invalid: more than 100 pids, an empty list, an unknown person or an
             *     unknown group (the field error names `pids` or `groups_ids`).
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    "groups.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The object's integer id. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The group. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Group"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    "groups.delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The object's integer id. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Group deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    "groups.update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The object's integer id. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupUpdateParams"];
            };
        };
        responses: {
            /** @description The updated group. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Group"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    "groups.persons": {
        parameters: {
            query?: {
                /** @description Only these persons (comma-joined pids). */
                pids?: string[];
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description Number of items to skip. */
                offset?: components["parameters"]["Offset"];
            };
            header?: never;
            path: {
                /** @description The object's integer id. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of group members. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupMemberPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    "notifications.list": {
        parameters: {
            query?: {
                /** @description Case-insensitive search in the name. */
                q?: components["parameters"]["Q"];
                /** @description Only items of these spaces (comma-joined ids, e.g. `1,2,3`). */
                spaces_ids?: components["parameters"]["SpacesIds"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description Number of items to skip. */
                offset?: components["parameters"]["Offset"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of notifications. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    "notifications.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationCreateParams"];
            };
        };
        responses: {
            /** @description The new notification. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Notification"];
                };
            };
            /** @description The body is invalid, e.g. `destination_url` is not a URL. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    "notifications.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The object's integer id. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The notification. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Notification"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    "notifications.delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The object's integer id. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Notification deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    "notifications.update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The object's integer id. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationUpdateParams"];
            };
        };
        responses: {
            /** @description The updated notification. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Notification"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    "settings.get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The space's thresholds. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Thresholds"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    "settings.update": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ThresholdsUpdateParams"];
                "application/x-www-form-urlencoded": components["schemas"]["ThresholdsUpdateParams"];
            };
        };
        responses: {
            /** @description The space's thresholds after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Thresholds"];
                };
            };
            /** @description A threshold is not a number between 0 and 100. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    "settings.reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The space's thresholds, now the defaults. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Thresholds"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    "streams.tokens.list": {
        parameters: {
            query?: {
                /** @description `true`: only permanent tokens; `false`: only temporary tokens; left out: all tokens. */
                permanent?: components["parameters"]["Permanent"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description Number of items to skip. */
                offset?: components["parameters"]["Offset"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stream tokens. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StreamToken"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    "streams.tokens.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["StreamTokenCreateParams"];
            };
        };
        responses: {
            /** @description The new stream token. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StreamToken"];
                };
            };
            /** @description The body is invalid, or the space already has 5 permanent stream tokens. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    "streams.tokens.deleteList": {
        parameters: {
            query?: {
                /** @description `true`: only permanent tokens; `false`: only temporary tokens; left out: all tokens. */
                permanent?: components["parameters"]["Permanent"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stream tokens are deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    "streams.tokens.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The token's integer id or its key. */
                token_id_or_key: components["parameters"]["TokenIdOrKey"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stream token. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StreamToken"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    "streams.tokens.delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The token's integer id or its key. */
                token_id_or_key: components["parameters"]["TokenIdOrKey"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Stream token deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    "streams.tokens.update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The token's integer id or its key. */
                token_id_or_key: components["parameters"]["TokenIdOrKey"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StreamTokenUpdateParams"];
                "application/x-www-form-urlencoded": components["schemas"]["StreamTokenUpdateParams"];
            };
        };
        responses: {
            /** @description The updated stream token. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StreamToken"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    "utility.compare": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["CompareParams"];
            };
        };
        responses: {
            /** @description The comparison. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompareResult"];
                };
            };
            /** @description A photo is missing, unreadable or has no face, or `result` is not a comparison level. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    "utility.asm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["AsmParams"];
            };
        };
        responses: {
            /** @description The estimates. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AsmResult"];
                };
            };
            /** @description The photo is missing, unreadable or has no face. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    "utility.customer": {
        parameters: {
            query?: {
                /** @description The name of the source whose entries to look at; left out = every source. */
                source?: string;
                /** @description Number of items to skip. */
                offset?: components["parameters"]["Offset"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The person. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No source with this name, or no entry tied to a person at this offset. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    "faceid.compare": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["FaceidCompareParams"];
            };
        };
        responses: {
            /** @description The comparison. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompareResult"];
                };
            };
            /** @description The photo is missing or unreadable, does not show two faces, or a text field is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    "faceid.verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["FaceidVerificationParams"];
            };
        };
        responses: {
            /** @description The verification and the document data read. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerificationResult"];
                };
            };
            /** @description A photo is missing, unreadable or has no face, or `id_code` is unknown. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    "faceid.idCodes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The supported document types. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdCode"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    "version.get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The version. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionResult"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
}
type FlattenedDeepRequired<T> = {
    [K in keyof T]-?: FlattenedDeepRequired<T[K] extends unknown[] | undefined | null ? Extract<T[K], unknown[]>[number] : T[K]>;
};
type ReadonlyArray<T> = [
    Exclude<T, undefined>
] extends [
    unknown[]
] ? Readonly<Exclude<T, undefined>> : Readonly<Exclude<T, undefined>[]>;
export const billingEventTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["BillingEventType"]> = [1, 2, 3, 4];
export const entryResultValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["EntryResult"]> = ["new", "reinit", "exact", "ha", "junk", "nm", "det"];
export const sexValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Sex"]> = [0, 1];
export const moodValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Mood"]> = ["neutral", "anger", "contempt", "disgust", "fear", "happiness", "sadness", "surprise", "nm", "det"];
export const livenessValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Liveness"]> = ["passed", "failed", "undetermined"];
export const httpMethodValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["HttpMethod"]> = [0, 1];
