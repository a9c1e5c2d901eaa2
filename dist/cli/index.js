#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 5581:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cli_main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6269);

process.exitCode = await (0,_cli_main_js__WEBPACK_IMPORTED_MODULE_0__/* .main */ .iW)(process.argv.slice(2), process.env);

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 6269:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  iW: () => (/* binding */ main)
});

// UNUSED EXPORTS: EXIT, EXIT_CODES

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_namespaceObject);
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
;// CONCATENATED MODULE: ./src/errors.ts
/** A bad input: the message names the input, the bad value (never a secret) and the expected form. */
class InputError extends Error {
    name = 'InputError';
}
/** The job was cancelled (SIGINT or SIGTERM from the runner) while the action was working. */
class CancelledError extends Error {
    name = 'CancelledError';
    constructor(message = 'The job was cancelled.') {
        super(message);
    }
}
/**
 * The job was cancelled while the run call was on its way: the request had reached the gateway, so
 * QFlow may have started an execution. Never "nothing happened": a re-run could start a second one.
 */
class RunCancelledError extends CancelledError {
    name = 'RunCancelledError';
}
/** The wait reached the `timeout` input while the execution was still going, or a call would have gone past it. */
class DeadlineError extends Error {
    budgetSpentForMs;
    name = 'DeadlineError';
    constructor(message, 
    /** Set when the gateway's rate limit held the call back past the deadline: the wait it asked for, ms. */
    budgetSpentForMs) {
        super(message);
        this.budgetSpentForMs = budgetSpentForMs;
    }
}
/** QFlow answered with an HTTP error, or with something that is not the answer it documents. */
class QFlowApiError extends Error {
    status;
    transient;
    name = 'QFlowApiError';
    constructor(message, 
    /** the HTTP status, or undefined when the answer itself was unusable */
    status, 
    /** the gateway was down or throttling, past the retries allowed: the same call may work later */
    transient = false) {
        super(message);
        this.status = status;
        this.transient = transient;
    }
}
/**
 * The run request may have reached QFlow but its answer was lost, so it is unknown whether an
 * execution started. Never retried: a second POST could start a second execution.
 */
class RunOutcomeUnknownError extends Error {
    name = 'RunOutcomeUnknownError';
}
/** The gateway could not be reached or the connection failed, after the retries allowed. */
class NetworkError extends Error {
    name = 'NetworkError';
}
/** Why an operation stopped early, from an abort signal's reason. */
function abortReason(signal) {
    return signal.reason instanceof Error ? signal.reason : new CancelledError();
}
/**
 * Quote a value for an error message (a bad value, a variable's or a node's name), shortened so a
 * pasted blob does not flood the log. In double quotes: single quotes name settings ('timeout'), and a
 * front-end rewords those as it names them, so a variable called timeout must not read as one.
 */
function quote(value) {
    const shown = value.length > 80 ? `${value.slice(0, 77)}...` : value;
    return `"${shown}"`;
}
/**
 * An error's message in the user's words. This project's own errors and the system's file and network
 * errors (`ENOENT: …`) say what failed; anything else (a `TypeError`, a `RangeError` from a hostile
 * answer) is a fault of this code, whose internal text means nothing to a user: it is named as such.
 */
function messageOf(error) {
    const ours = [InputError, CancelledError, DeadlineError, QFlowApiError, RunOutcomeUnknownError, NetworkError];
    if (ours.some((kind) => error instanceof kind))
        return error.message;
    if (error instanceof Error && typeof error.code === 'string')
        return error.message;
    const kind = error instanceof Error ? error.name : typeof error;
    return `an unexpected fault in qflow-run-action while handling it (${kind}); please report it with the debug log`;
}

;// CONCATENATED MODULE: ./src/io-names.ts
// Generated from action.yml by `npm run docs`; a test fails when it is stale. Import them from names.ts.
/** The run's inputs, named as action.yml names them; the command's flags are the same names (`--workflow-id`). */
var Input;
(function (Input) {
    Input["Platform"] = "platform";
    Input["GatewayUrl"] = "gateway-url";
    Input["Token"] = "token";
    Input["ClientId"] = "client-id";
    Input["ClientSecret"] = "client-secret";
    Input["Username"] = "username";
    Input["Password"] = "password";
    Input["WorkflowId"] = "workflow-id";
    Input["ExecutionId"] = "execution-id";
    Input["RunInput"] = "input";
    Input["Variables"] = "variables";
    Input["Matrix"] = "matrix";
    Input["MaxParallel"] = "max-parallel";
    Input["FailFast"] = "fail-fast";
    Input["AllowUnknownVariables"] = "allow-unknown-variables";
    Input["DryRun"] = "dry-run";
    Input["Wait"] = "wait";
    Input["Timeout"] = "timeout";
    Input["PollInterval"] = "poll-interval";
    Input["MaxPollInterval"] = "max-poll-interval";
    Input["RequestTimeout"] = "request-timeout";
    Input["StepOutputs"] = "step-outputs";
    Input["StepInputs"] = "step-inputs";
    Input["SuccessStatuses"] = "success-statuses";
    Input["FailureStatuses"] = "failure-statuses";
    Input["CommentOnPr"] = "comment-on-pr";
    Input["GithubToken"] = "github-token";
    Input["OutputFile"] = "output-file";
})(Input || (Input = {}));
/** The action's outputs, as action.yml names them. */
var Output;
(function (Output) {
    Output["ExecutionId"] = "execution-id";
    Output["Status"] = "status";
    Output["Result"] = "result";
    Output["StartedAt"] = "started-at";
    Output["EndedAt"] = "ended-at";
    Output["DurationSeconds"] = "duration-seconds";
    Output["Execution"] = "execution";
    Output["Steps"] = "steps";
    Output["FailedSteps"] = "failed-steps";
    Output["StepOutputs"] = "step-outputs";
    Output["StepInputs"] = "step-inputs";
    Output["Executions"] = "executions";
    Output["OutputFile"] = "output-file";
    Output["ApiCalls"] = "api-calls";
})(Output || (Output = {}));

;// CONCATENATED MODULE: ./src/names.ts
/** The run's inputs and outputs, generated from action.yml (src/io-names.ts): nothing else spells these strings. */

/** The action's inputs, as a workflow's `with:` gives them. */
const INPUT_NAMES = {
    of: (name) => `'${name}'`,
    subject: (name) => `Input '${name}'`,
    set: (name, value) => `'${name}: ${value}'`,
    program: 'the action',
    resultPathIn: "in the step's `output-file` output",
};
/** A result that is no failure: the executions succeeded, were started (`wait: false`) or were only checked (`dry-run`). */
function isFine(result) {
    return result === 'success' || result === 'started' || result === 'validated';
}

;// CONCATENATED MODULE: ./src/time.ts

/** The longest a Node timer waits: a longer one (25 days, a `timeout: 30d`) fires at once. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;
const systemClock = {
    now: () => Date.now(),
    sleep(ms, signal) {
        return new Promise((resolve, reject) => {
            if (signal?.aborted)
                return reject(abortReason(signal));
            let timer;
            const onAbort = () => {
                clearTimeout(timer);
                reject(abortReason(signal));
            };
            // A pause longer than a timer can hold is several timers, one after another.
            const wait = (left) => {
                timer = setTimeout(() => {
                    if (left > LONGEST_TIMER_MS)
                        return wait(left - LONGEST_TIMER_MS);
                    signal?.removeEventListener('abort', onAbort);
                    resolve();
                }, Math.min(LONGEST_TIMER_MS, Math.max(0, left)));
            };
            wait(ms);
            signal?.addEventListener('abort', onAbort, { once: true });
        });
    },
};
function iso(epochMs) {
    return epochMs === undefined ? '' : new Date(epochMs).toISOString();
}
/**
 * Why a wait of `waitMs` with `leftMs` to the timeout is not made: past it, or so close that `what` (a
 * call, a try) would have too little time for its answer. "Asked for no calls for 1s" after 5m 58s of a
 * 6m timeout reads as a contradiction without the time it would leave.
 */
function whyNotWaited(waitMs, leftMs, what) {
    return waitMs >= leftMs
        ? ', past the timeout'
        : `, which would leave ${humanDuration(leftMs - waitMs)} before the timeout: too little for ${what} and its answer`;
}
/** A duration for people: 1h 2m 5s, 42s, 350ms. */
function humanDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    let seconds = Math.round(ms / 1000);
    const hours = Math.floor(seconds / 3600);
    seconds -= hours * 3600;
    const minutes = Math.floor(seconds / 60);
    seconds -= minutes * 60;
    return [hours ? `${hours}h` : '', minutes ? `${minutes}m` : '', seconds || (!hours && !minutes) ? `${seconds}s` : ''].filter(Boolean).join(' ');
}

;// CONCATENATED MODULE: ./src/qflow/auth.ts



/** A Qualys JWT lives 4 hours and its answer carries no expiry field (Qualys gateway docs). */
const TOKEN_LIFETIME_MS = 4 * 3600_000;
/** Renew this long before the token expires so no call is sent with a token about to lapse. */
const RENEW_MARGIN_MS = 5 * 60_000;
/** A JWT the user passed in: used as it is, and a 401 is final. */
class FixedToken {
    token;
    rejectedHint;
    constructor(token, { of, subject, program }) {
        this.token = token;
        this.rejectedHint = `${subject(Input.Token)} is invalid or has expired (a Qualys JWT lasts 4 hours). Pass a fresh one, or give ${of(Input.ClientId)}/${of(Input.ClientSecret)} so ${program} logs in and renews the token itself.`;
    }
    get() {
        return Promise.resolve(this.token);
    }
    renew() {
        return false;
    }
}
/**
 * Logs in with an OAuth client (`POST /auth/oidc`) or a username and password (`POST /auth`), and
 * logs in again before the JWT expires or after a 401.
 */
class LoginToken {
    credentials;
    http;
    clock;
    registerSecret;
    log;
    names;
    rejectedHint = 'The gateway rejected the JWT just obtained by logging in; check that the Qualys user has API Access.';
    token;
    expiresAt = 0;
    pending;
    constructor(credentials, http, clock, 
    /** Called with each JWT before it is used, so the runner masks it. */
    registerSecret, log, names) {
        this.credentials = credentials;
        this.http = http;
        this.clock = clock;
        this.registerSecret = registerSecret;
        this.log = log;
        this.names = names;
    }
    get(_signal, deadline) {
        if (this.token !== undefined && this.clock.now() < this.expiresAt - RENEW_MARGIN_MS)
            return Promise.resolve(this.token);
        // Concurrent calls (step outputs are fetched in parallel) share one login.
        this.pending ??= this.login(deadline).finally(() => (this.pending = undefined));
        return this.pending;
    }
    renew() {
        this.token = undefined;
        return true;
    }
    async login(deadline) {
        const oauth = this.credentials.kind === 'oauth-client';
        const { of } = this.names;
        const who = oauth ? `${of(Input.ClientId)}/${of(Input.ClientSecret)}` : `${of(Input.Username)}/${of(Input.Password)}`;
        const response = await this.http.send({
            method: 'POST',
            path: oauth ? '/auth/oidc' : '/auth',
            purpose: oauth ? 'log in with the OAuth client' : 'log in with the username and password',
            deadline,
            headers: {
                'Content-Type': 'application/x-www-form-urlencoded',
                ...(this.credentials.kind === 'oauth-client' ? { clientId: this.credentials.clientId, clientSecret: this.credentials.clientSecret } : {}),
            },
            body: this.credentials.kind === 'password'
                ? new URLSearchParams({ username: this.credentials.username, password: this.credentials.password, token: 'true' }).toString()
                : '',
            hints: {
                401: `The gateway rejected the credentials in ${who}.${oauth ? " The OAuth client must be a user-level client with the 'Qualys Flow Access' permission." : ''}`,
            },
        });
        const token = readJwt(response.body);
        if (token === undefined) {
            throw new QFlowApiError(`Logging in with ${who} returned HTTP ${response.status} but no token.`, response.status);
        }
        this.registerSecret(token);
        const expiry = jwtExpiry(token);
        this.token = token;
        this.expiresAt = expiry ?? this.clock.now() + TOKEN_LIFETIME_MS;
        this.log.debug(`Logged in; the token is valid for ${humanDuration(this.expiresAt - this.clock.now())}.`);
        return token;
    }
}
/** The login answer is the raw JWT as text; a JSON wrapper is accepted too, in case a gateway adds one. */
function readJwt(body) {
    const text = body.trim();
    if (text.startsWith('{')) {
        try {
            const parsed = JSON.parse(text);
            const found = [parsed.token, parsed.access_token, parsed.jwt].find((v) => typeof v === 'string' && v !== '');
            return found;
        }
        catch {
            return undefined;
        }
    }
    return text === '' || /\s/.test(text) ? undefined : text;
}
/** The `exp` claim of a JWT, in epoch ms, or undefined when it has none. */
function jwtExpiry(token) {
    const payload = token.split('.')[1];
    if (payload === undefined)
        return undefined;
    try {
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
        return typeof claims.exp === 'number' && Number.isFinite(claims.exp) ? claims.exp * 1000 : undefined;
    }
    catch {
        return undefined;
    }
}
function createTokenSource(credentials, http, clock, registerSecret, log, names) {
    return credentials.kind === 'token'
        ? new FixedToken(credentials.token, names)
        : new LoginToken(credentials, http, clock, registerSecret, log, names);
}

;// CONCATENATED MODULE: ./src/qflow/gateway.ts


/** Qualys platform keys and their API gateways (see the Qualys "Know your API server URL" page). */
const PLATFORM_GATEWAYS = {
    US1: 'https://gateway.qg1.apps.qualys.com',
    US2: 'https://gateway.qg2.apps.qualys.com',
    US3: 'https://gateway.qg3.apps.qualys.com',
    US4: 'https://gateway.qg4.apps.qualys.com',
    EU1: 'https://gateway.qg1.apps.qualys.eu',
    EU2: 'https://gateway.qg2.apps.qualys.eu',
    EU3: 'https://gateway.qg3.apps.qualys.it',
    IN1: 'https://gateway.qg1.apps.qualys.in',
    CA1: 'https://gateway.qg1.apps.qualys.ca',
    AE1: 'https://gateway.qg1.apps.qualys.ae',
    UK1: 'https://gateway.qg1.apps.qualys.co.uk',
    AU1: 'https://gateway.qg1.apps.qualys.com.au',
    KSA1: 'https://gateway.qg1.apps.qualysksa.com',
};
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;
/**
 * The gateway's base URL, without a trailing slash. `gatewayUrl` wins over `platform` so a private
 * cloud platform, which has a gateway of its own, is always reachable.
 */
function resolveGateway(platform, url, { of, subject }) {
    const platformInput = of(Input.Platform);
    const urlInput = of(Input.GatewayUrl);
    if (url !== '')
        return checkGatewayUrl(subject(Input.GatewayUrl), url);
    if (platform === '') {
        throw new InputError(`No gateway given. Set ${platformInput} to your Qualys platform (${Object.keys(PLATFORM_GATEWAYS).join(', ')}) or ${urlInput} to your API gateway URL.`);
    }
    const gateway = PLATFORM_GATEWAYS[platform.toUpperCase()];
    if (!gateway) {
        throw new InputError(`${subject(Input.Platform)} is ${quote(platform)}, which is not a Qualys platform. Expected one of ${Object.keys(PLATFORM_GATEWAYS).join(', ')}, or set ${urlInput} for a private cloud platform.`);
    }
    return gateway;
}
/**
 * A gateway URL never holds an `@`: one means a `user:password@` part (a password may even hold a `/`
 * that hides where it ends), so it is read before anything else and no error quotes the value.
 */
const USER_INFO = /@/;
function checkGatewayUrl(what, value) {
    // Even in a value that is not a URL (a bad port, a space in the host), never echo credentials.
    if (USER_INFO.test(value)) {
        throw new InputError(`${what} contains credentials (a user name or password before '@'). Give the bare gateway URL, such as https://gateway.qg1.apps.qualys.com, and pass credentials through the token, client or username settings.`);
    }
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new InputError(`${what} is ${quote(value)}, which is not a URL. Expected the form https://gateway.qg1.apps.qualys.com.`);
    }
    if (url.username !== '' || url.password !== '') {
        throw new InputError(`${what} contains credentials. Give the bare gateway URL and pass credentials through the token, client or username settings.`);
    }
    const loopback = LOOPBACK.test(url.hostname);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
        throw new InputError(`${what} is ${quote(value)}, which is not secure. Expected an https:// URL (plain http:// is accepted only for a loopback host such as 127.0.0.1, for local testing).`);
    }
    if (url.search !== '' || url.hash !== '') {
        throw new InputError(`${what} is ${quote(value)}; a gateway URL has no query or fragment. Expected the form https://gateway.qg1.apps.qualys.com.`);
    }
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

;// CONCATENATED MODULE: ./src/json-check.ts
/**
 * The one JSON checker: whether a text is exactly one JSON value, where it stops being one, and which
 * key an object gives twice. It streams, so step data of tens of megabytes is checked without being
 * parsed (step-data.ts), and it places a typo in a setting (settings/parse.ts).
 */
const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;
const NUMBER_CHARS = /[0-9eE+\-.]/;
const HEX = /[0-9a-fA-F]/;
const SPACE = ' \t\n\r';
/** Characters that end a run of plain string content. */
// eslint-disable-next-line no-control-regex
const STRING_STOP = /["\\\u0000-\u001f]/g;
/**
 * Tells whether a text fed in pieces is one JSON value (RFC 8259), holding only a stack of open
 * containers: a 50 MB output is checked without being parsed. Says where the text stops being JSON,
 * and, asked to (`keys`), the first key given twice in one object, which JSON.parse lets pass (the
 * last one winning without a word).
 */
class JsonChecker {
    options;
    stack = [];
    state = 'value';
    stringIsKey = false;
    token = '';
    hexLeft = 0;
    bad = false;
    /** Characters fed before the current piece. */
    fed = 0;
    /** The keys of each open object, when asked for, and the key being read with where it began. */
    keys = [];
    keyText = '';
    keyAt = 0;
    /** Where the text stopped being JSON: the offending character, or the end of a text cut short. */
    errorOffset;
    /** The first key given twice in one object, and where its second copy begins. */
    duplicate;
    constructor(options = {}) {
        this.options = options;
    }
    /** Feeds the next piece; false once the text can no longer be JSON. */
    push(text) {
        for (let i = 0; i < text.length && !this.bad; i++) {
            if (this.state === 'string') {
                // Skip plain content in one go: most of a large output is inside strings.
                STRING_STOP.lastIndex = i;
                const stop = STRING_STOP.exec(text);
                if (this.readingKey)
                    this.keyText += text.slice(i, stop ? stop.index : text.length);
                if (!stop)
                    break;
                i = stop.index;
            }
            const c = text[i];
            if (this.readingKey && !(this.state === 'string' && c === '"'))
                this.keyText += c;
            else if (this.options.keys && (this.state === 'key-or-end' || this.state === 'key') && c === '"')
                this.keyAt = this.fed + i;
            if (!this.step(c)) {
                this.bad = true;
                this.errorOffset = this.fed + i;
            }
        }
        this.fed += text.length;
        return !this.bad;
    }
    /** True when everything fed is exactly one JSON value. */
    end() {
        if (this.bad)
            return false;
        const complete = (this.state !== 'number' || this.endNumber()) && this.state === 'after' && this.stack.length === 0;
        if (!complete)
            this.errorOffset ??= this.fed;
        return complete;
    }
    /** A key's characters are being read (only when keys are asked for). */
    get readingKey() {
        return this.options.keys === true && this.stringIsKey && (this.state === 'string' || this.state === 'escape' || this.state === 'unicode');
    }
    step(c) {
        switch (this.state) {
            case 'string':
                if (c === '"')
                    return this.endString();
                if (c === '\\')
                    this.state = 'escape';
                return c >= ' ' || c === '\\';
            case 'escape':
                if (c === 'u') {
                    this.state = 'unicode';
                    this.hexLeft = 4;
                    return true;
                }
                this.state = 'string';
                return '"\\/bfnrt'.includes(c);
            case 'unicode':
                if (--this.hexLeft === 0)
                    this.state = 'string';
                return HEX.test(c);
            case 'number':
                if (NUMBER_CHARS.test(c)) {
                    this.token += c;
                    return this.token.length <= 1000;
                }
                return this.endNumber() && this.step(c);
            case 'literal':
                if (c !== this.token[0])
                    return false;
                this.token = this.token.slice(1);
                if (this.token === '')
                    this.state = 'after';
                return true;
            default:
                return SPACE.includes(c) || this.structural(c);
        }
    }
    structural(c) {
        const top = this.stack[this.stack.length - 1];
        switch (this.state) {
            case 'value-or-end':
                if (c === ']')
                    return this.close('[');
                return this.value(c);
            case 'value':
                return this.value(c);
            case 'key-or-end':
                if (c === '}')
                    return this.close('{');
                return this.key(c);
            case 'key':
                return this.key(c);
            case 'colon':
                if (c !== ':')
                    return false;
                this.state = 'value';
                return true;
            case 'after':
                if (c === ',' && top !== undefined) {
                    this.state = top === '{' ? 'key' : 'value';
                    return true;
                }
                return (c === '}' && top === '{') || (c === ']' && top === '[') ? this.close(top) : false;
            default:
                return false;
        }
    }
    value(c) {
        if (c === '{' || c === '[') {
            this.stack.push(c);
            if (c === '{' && this.options.keys)
                this.keys.push(new Set());
            this.state = c === '{' ? 'key-or-end' : 'value-or-end';
            return true;
        }
        if (c === '"') {
            this.stringIsKey = false;
            this.state = 'string';
            return true;
        }
        if (c === '-' || (c >= '0' && c <= '9')) {
            this.token = c;
            this.state = 'number';
            return true;
        }
        const literal = { t: 'rue', f: 'alse', n: 'ull' }[c];
        if (literal === undefined)
            return false;
        this.token = literal;
        this.state = 'literal';
        return true;
    }
    key(c) {
        if (c !== '"')
            return false;
        this.stringIsKey = true;
        this.state = 'string';
        return true;
    }
    endString() {
        this.state = this.stringIsKey ? 'colon' : 'after';
        if (this.stringIsKey && this.options.keys) {
            const key = JSON.parse(`"${this.keyText}"`);
            const seen = this.keys[this.keys.length - 1];
            if (seen.has(key))
                this.duplicate ??= { key, offset: this.keyAt };
            seen.add(key);
            this.keyText = '';
        }
        return true;
    }
    endNumber() {
        this.state = 'after';
        return NUMBER.test(this.token);
    }
    close(open) {
        if (this.stack.pop() !== open)
            return false;
        if (open === '{' && this.options.keys)
            this.keys.pop();
        this.state = 'after';
        return true;
    }
}

;// CONCATENATED MODULE: ./src/qflow/forms.ts
/**
 * The documented forms of what QFlow answers, checked before a value goes into a URL, a file name, an
 * output or a log. Everything a gateway (or a proxy in front of it) sends is untrusted: an
 * `executionId` holding `../` would otherwise become a path, and a status holding a newline and
 * `::` would become a command to the runner.
 */
/** Workflow and execution IDs are UUIDs (qflow-api.md: every sample and the run answer). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Characters a QFlow node ID is made of (e.g. `node-e3a84822-qualysevent`, `trigger`); keeps URLs unambiguous. */
const NODE_ID = /^[A-Za-z0-9_.:-]{1,200}$/;
/** Control characters (C0, DEL, C1) and the Unicode line and paragraph separators. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
function isUuid(value) {
    return typeof value === 'string' && UUID.test(value);
}
function isNodeId(value) {
    return typeof value === 'string' && NODE_ID.test(value);
}
/**
 * A short text from an answer (a status, a step type) made safe to print: control characters become
 * a space, so it stays on one line, and it is cut at `max` characters. '' for anything but a string.
 */
function plainText(value, max = 100) {
    if (typeof value !== 'string')
        return '';
    const text = value.replace(CONTROL, ' ').trim();
    return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

;// CONCATENATED MODULE: ./src/settings/parse.ts



/**
 * One part of a duration: a number and a unit, spaces around them allowed, in the short forms (`1h30m`)
 * and in the words CI users write (`30 minutes`, `1h 30m`, `90 sec`: GitLab's own forms).
 */
const DURATION_PART = /\s*(\d+(?:\.\d+)?)\s*([a-z]+)\s*/giy;
const UNIT_MS = {
    ms: 1,
    msec: 1,
    millisecond: 1,
    milliseconds: 1,
    s: 1000,
    sec: 1000,
    secs: 1000,
    second: 1000,
    seconds: 1000,
    m: 60_000,
    min: 60_000,
    mins: 60_000,
    minute: 60_000,
    minutes: 60_000,
    h: 3_600_000,
    hr: 3_600_000,
    hrs: 3_600_000,
    hour: 3_600_000,
    hours: 3_600_000,
    d: 86_400_000,
    day: 86_400_000,
    days: 86_400_000,
};
function parseUuid(what, value) {
    if (!isUuid(value)) {
        throw new InputError(`${what} is ${quote(value)}, which is not a UUID. Expected the form 0ffaf046-768b-79fc-83f6-aa25be52c2a1 (copy it from the QFlow URL or API).`);
    }
    return value.toLowerCase();
}
/** A duration given as a bare number, which is read as seconds. */
function isBareNumber(text) {
    return /^\d+(\.\d+)?$/.test(text.trim());
}
/** A duration such as `45m`, `1h30m`, `1h 30m`, `30 minutes`, `90 sec` or `500ms`; a bare number counts as seconds. */
function parseDuration(what, value) {
    const text = value.trim();
    const total = isBareNumber(text) ? Number(text) * 1000 : sumOfParts(text);
    if (total === undefined) {
        throw new InputError(`${what} is ${quote(value)}, which is not a duration. Expected a number with a unit, such as 45m, 1h30m, 1h 30m, 30 minutes, 90s or 500ms (a bare number is seconds).`);
    }
    if (total <= 0)
        throw new InputError(`${what} is ${quote(value)}; it must be longer than zero.`);
    return Math.round(total);
}
/** The milliseconds of `1h30m`-style text, or undefined when any of it is not a number with a unit. */
function sumOfParts(text) {
    let total = 0;
    let end = 0;
    DURATION_PART.lastIndex = 0;
    for (let m = DURATION_PART.exec(text); m; m = DURATION_PART.exec(text)) {
        const unit = UNIT_MS[m[2].toLowerCase()];
        if (unit === undefined)
            return undefined;
        total += Number(m[1]) * unit;
        end = DURATION_PART.lastIndex;
    }
    return text !== '' && end === text.length ? total : undefined;
}
function parsePositiveInteger(what, value) {
    if (!/^\d+$/.test(value.trim()) || Number(value) < 1)
        throw new InputError(`${what} is ${quote(value)}. Expected a whole number of at least 1.`);
    return Number(value);
}
function parseBoolean(what, value) {
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE'].includes(value))
        return false;
    throw new InputError(`${what} is ${quote(value)}. Expected true or false.`);
}
/** A comma- or newline-separated list, blanks dropped. */
function parseList(value) {
    return value
        .split(/[,\n]/)
        .map((item) => item.trim())
        .filter((item) => item !== '');
}
function parseNodeSelection(what, value) {
    const items = parseList(value);
    if (items.includes('*')) {
        if (items.length > 1)
            throw new InputError(`${what} mixes '*' with node IDs. Give either '*' for every step or a list of node IDs.`);
        return 'all';
    }
    for (const item of items) {
        if (!isNodeId(item)) {
            throw new InputError(`${what} names the node ID ${quote(item)}, which has characters a node ID does not have. Expected node IDs such as node-e3a84822-qualysevent, separated by commas or newlines, or '*'.`);
        }
    }
    return [...new Set(items)];
}
/** Text that opens like a JSON object or list was meant as JSON: YAML would quietly read `"b": }` as null. */
const MEANT_AS_JSON = /^(\{\s*"|\[)/;
function needsYaml(value) {
    const text = value.trim();
    if (text === '' || MEANT_AS_JSON.test(text))
        return false;
    try {
        JSON.parse(text);
        return false;
    }
    catch {
        return true;
    }
}
/**
 * The YAML parser, loaded only when one of `values` is neither empty nor JSON: it is a fifth of the
 * bundle and a good share of the start-up time, and most runs pass JSON or nothing.
 */
async function yamlParserFor(values) {
    if (!values.some(needsYaml))
        return undefined;
    // Eager: kept in the one bundle file (so its licence stays in licenses.txt) but run only now.
    const { parse } = await Promise.resolve(/* import() eager */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 8815, 19));
    return (text) => parse(text, { uniqueKeys: true });
}
/**
 * A JSON or YAML value. JSON is tried first so a JSON typo is reported with JSON's own position;
 * YAML is accepted because workflow authors write their `with:` blocks in YAML. `parseYaml` comes
 * from yamlParserFor, which loads it when this text needs it. Undefined for an empty input.
 */
function parseStructured(what, value, parseYaml) {
    const text = value.trim();
    if (text === '')
        return undefined;
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (jsonError) {
        if (MEANT_AS_JSON.test(text))
            throw new InputError(`${what} is not valid JSON: ${describeJsonError(text, jsonError)}`);
        if (!parseYaml)
            throw new Error(`The YAML parser was not loaded for ${what}.`, { cause: jsonError });
        try {
            return parseYaml(text);
        }
        catch (yamlError) {
            throw new InputError(`${what} is neither valid JSON nor valid YAML: ${describeYamlError(yamlError)}`);
        }
    }
    // JSON.parse lets the last of two equal keys win without a word; YAML (uniqueKeys) refuses them, and so does this.
    const duplicate = scanJson(text).duplicate;
    if (duplicate) {
        throw new InputError(`${what} gives the key ${quote(duplicate.key)} twice (at ${lineAndColumn(text, duplicate.offset)}). Expected each key once in a mapping.`);
    }
    return parsed;
}
/** A JSON or YAML mapping (see parseStructured). */
function parseMapping(what, value, parseYaml) {
    const parsed = parseStructured(what, value, parseYaml);
    if (parsed === undefined)
        return undefined;
    return checkMapping(what, parsed);
}
/** `value` if it is a mapping; otherwise an error that says what `what` is instead. */
function checkMapping(what, value) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new InputError(`${what} is ${describeKind(value)}. Expected a mapping of names to values, in JSON ({"region": "us-east-1"}) or YAML (region: us-east-1).`);
    }
    return value;
}
function describeKind(value) {
    if (Array.isArray(value))
        return 'a list';
    if (value === null || value === undefined)
        return 'empty';
    if (typeof value === 'object')
        return 'a mapping';
    return `the ${typeof value} ${quote(typeof value === 'string' ? value : (JSON.stringify(value) ?? typeof value))}`;
}
function describeJsonError(text, error) {
    // V8 names the position for some errors only ("Unexpected token '}'" has none): find it ourselves.
    const message = (error instanceof Error ? error.message : String(error)).split(/, "| in JSON at position|\s*\(line \d+/)[0];
    return `syntax error at ${lineAndColumn(text, scanJson(text).errorOffset ?? text.length)}: ${message}`;
}
/** Where `text` stops being JSON, and the first key it gives twice in one object. */
function scanJson(text) {
    const checker = new JsonChecker({ keys: true });
    checker.push(text);
    if (!checker.end())
        return { errorOffset: checker.errorOffset };
    return checker.duplicate ? { duplicate: checker.duplicate } : {};
}
function describeYamlError(error) {
    const linePos = error?.linePos;
    if (error instanceof Error && linePos) {
        const { line, col } = linePos[0];
        return `YAML syntax error at line ${line}, column ${col}: ${error.message.split(' at line ')[0]}`;
    }
    return error instanceof Error ? error.message : String(error);
}
function lineAndColumn(text, offset) {
    const before = text.slice(0, offset).split('\n');
    return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
}
/**
 * QFlow rejects an override whose value is blank ("no variable field should be left blank",
 * 1.18 release notes), so catch it here with the variable's name rather than after a round trip.
 */
function checkVariableValues(what, variables) {
    for (const [key, value] of Object.entries(variables)) {
        const blank = value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
        if (blank) {
            throw new InputError(`${what} leaves the variable ${quote(key)} blank (${JSON.stringify(value)}). QFlow needs a value for every overridden variable: give one, or leave ${quote(key)} out to keep the saved value.`);
        }
        // Single quotes on a shell line keep `$REGION` as it is: no overridden variable's value looks like that.
        const reference = typeof value === 'string' ? unexpandedReference(value, true) : undefined;
        if (reference !== undefined) {
            throw new InputError(`${what} gives the variable ${quote(key)} the text ${quote(value)}, a reference to the CI variable ${reference} that was not expanded. Expected its value: define ${reference} in the CI (for a secret in Azure Pipelines, map it into the step's env), or write the value itself.`);
        }
    }
}
/**
 * The CI variable a value names when it is nothing but a reference left unexpanded: Azure's `$(NAME)`
 * for a variable that is not defined (or a secret not mapped into the step), a shell's `${NAME}` in
 * single quotes or in a `with:` block, which no shell reads; with `bare`, `$NAME` too (upper case: no
 * plausible value of a setting that holds no secret, while a password may well begin with `$`).
 */
function unexpandedReference(value, bare = false) {
    const text = value.trim();
    const reference = /^\$\(([A-Za-z_][\w.]*)\)$/.exec(text) ?? /^\$\{([A-Za-z_]\w*)\}$/.exec(text);
    return (reference ?? (bare ? /^\$([A-Z_][A-Z0-9_]*)$/.exec(text) : null))?.[1];
}

;// CONCATENATED MODULE: ./src/settings/matrix.ts
/**
 * The `matrix` input: one step that starts the workflow once per item, for instance for each AWS
 * account (connector) and region. Two forms, as a GitHub matrix has:
 * - a list of items, each giving `variables` and/or `input`, and optionally a `label` that names the
 *   item in the log, the job summary and the `executions` output (such as `prod-eu`);
 * - a mapping of lists, such as `{credentials: [a, b], region: [us-east-1, eu-west-1]}`, whose
 *   product gives one item per combination, each combination a set of variables.
 * Every item is merged over the step's own `variables` and `input`.
 */



/** More executions than this from one step would be a runaway matrix, not a remediation job. */
const MAX_MATRIX_ITEMS = 256;
const ITEM_KEYS = ['label', 'variables', 'input'];
/** The longest `label` of a matrix item: it names a row of a table, it does not describe it. */
const MAX_LABEL_LENGTH = 60;
/**
 * The run requests of a `matrix` (already parsed from JSON or YAML), each merged over the step's
 * own `input` and `variables`. Every problem names the item and the key.
 */
function expandMatrix(matrix, base, names) {
    const matrixInput = names.subject(Input.Matrix);
    const items = Array.isArray(matrix) ? matrix.map((item, i) => listItem(item, i + 1, matrixInput)) : product(matrix, matrixInput);
    if (items.length === 0)
        throw new InputError(`${matrixInput} has no items. Expected at least one, or leave ${names.of(Input.Matrix)} out.`);
    if (items.length > MAX_MATRIX_ITEMS) {
        throw new InputError(`${matrixInput} makes ${items.length} executions. Expected at most ${MAX_MATRIX_ITEMS} from one step: split it across jobs.`);
    }
    const seen = new Map();
    return items.map((item, i) => {
        const variables = base.variables || item.variables ? { ...base.variables, ...item.variables } : undefined;
        const input = base.input || item.input ? { ...base.input, ...item.input } : undefined;
        if (variables)
            checkVariableValues(`${matrixInput} item ${i + 1}`, variables);
        const key = JSON.stringify({ variables, input });
        const twin = seen.get(key);
        if (twin !== undefined) {
            throw new InputError(`${matrixInput} items ${twin} and ${i + 1} would start the same run. Expected each item to differ in its variables or input.`);
        }
        seen.set(key, i + 1);
        return { variables, input, ...(item.label !== undefined ? { label: item.label } : {}) };
    });
}
function listItem(item, number, matrixInput) {
    const what = `${matrixInput} item ${number}`;
    const fields = checkMapping(what, item);
    const unknown = Object.keys(fields).find((key) => !ITEM_KEYS.includes(key));
    if (unknown !== undefined) {
        throw new InputError(`${what} has the key ${quote(unknown)}. Expected only 'label', 'variables' and 'input', as in {label: prod-eu, variables: {region: eu-west-1}}.`);
    }
    const label = fields.label === undefined ? undefined : checkLabel(what, fields.label);
    return {
        ...(label !== undefined ? { label } : {}),
        variables: fields.variables === undefined ? undefined : checkMapping(`${what}'s 'variables'`, fields.variables),
        input: fields.input === undefined ? undefined : checkMapping(`${what}'s 'input'`, fields.input),
    };
}
/** How the log and the summary name a matrix item: its number, and its label if it has one ("2 prod-eu"). */
function itemName(item, request) {
    return request?.label !== undefined ? `${item} ${request.label}` : String(item);
}
/** A label is one line of ordinary text, short enough for a table cell. */
function checkLabel(what, label) {
    const text = typeof label === 'number' ? String(label) : label;
    // eslint-disable-next-line no-control-regex -- control characters are what is refused
    if (typeof text !== 'string' || text.trim() === '' || text.length > MAX_LABEL_LENGTH || /[\u0000-\u001f\u007f]/.test(text)) {
        throw new InputError(`${what}'s 'label' is ${typeof text === 'string' ? (text.trim() === '' ? 'blank' : text.length > MAX_LABEL_LENGTH ? `${text.length} characters long` : 'not on one line (it holds a line break or another control character)') : describeKind(label)}. Expected a name of up to ${MAX_LABEL_LENGTH} characters on one line, such as prod-eu.`);
    }
    return text.trim();
}
/** A mapping of lists of variable values, expanded to every combination, in the order GitHub expands a matrix. */
function product(matrix, matrixInput) {
    const lists = Object.entries(checkMapping(matrixInput, matrix));
    let combinations = [{}];
    for (const [name, values] of lists) {
        if (!Array.isArray(values) || values.length === 0) {
            throw new InputError(`${matrixInput} gives ${quote(name)} as ${describeKind(values)}${Array.isArray(values) ? ' with no values' : ''}. Expected a list of values, as in ${name}: [us-east-1, eu-west-1].`);
        }
        const bad = values.find((v) => v === null || typeof v === 'object');
        if (bad !== undefined) {
            throw new InputError(`${matrixInput} lists ${describeKind(bad)} among the values of ${quote(name)}. Expected single values: text, numbers or true/false.`);
        }
        combinations = combinations.flatMap((combination) => values.map((value) => ({ ...combination, [name]: value })));
        if (combinations.length > MAX_MATRIX_ITEMS)
            break;
    }
    return combinations.map((variables) => ({ variables }));
}

;// CONCATENATED MODULE: ./src/wait/status.ts
const FAILURE = [
    'failed',
    'failure',
    'fail',
    'error',
    'errored',
    'terminated',
    'timedout',
    'timeout',
    'cancelled',
    'canceled',
    'aborted',
    'stopped',
    'rejected',
    'killed',
    'failedwithterminalerror',
    'completedwitherrors',
];
const PENDING = [
    'running',
    'inprogress',
    'queued',
    'pending',
    'paused',
    'scheduled',
    'started',
    'starting',
    'waiting',
    'created',
    'new',
    'submitted',
    'notstarted',
    'initiated',
    'resumed',
    'retrying',
];
/** Statuses are compared ignoring case, spaces, `_` and `-`: `TIMED_OUT`, `Timed Out` and `timedOut` are one. */
function normalizeStatus(status) {
    return status.toLowerCase().replace(/[\s_-]+/g, '');
}
class StatusRules {
    success;
    failure;
    pending = new Set(PENDING);
    /**
     * @param successStatuses final statuses that count as success
     * @param extraFailureStatuses final statuses that count as failure, besides the known ones
     */
    constructor(successStatuses, extraFailureStatuses = []) {
        this.success = new Set(successStatuses.map(normalizeStatus));
        this.failure = new Set([...FAILURE, ...extraFailureStatuses.map(normalizeStatus)]);
        // A status the user calls success is not a failure, even if it is on the built-in list.
        for (const status of this.success)
            this.failure.delete(status);
    }
    classify(status) {
        const key = normalizeStatus(status);
        if (this.success.has(key))
            return 'success';
        if (this.failure.has(key))
            return 'failure';
        if (this.pending.has(key))
            return 'pending';
        return 'unknown';
    }
}

;// CONCATENATED MODULE: ./src/settings/defaults.ts
/**
 * The one table of what each setting is when it is not given, and of the settings that hold secrets.
 * The settings reader takes its defaults from here; action.yml states the same defaults (a test holds
 * it to this table), and the command's flags are generated from action.yml.
 */

const DEFAULTS = {
    [Input.MaxParallel]: '4',
    [Input.FailFast]: 'false',
    [Input.AllowUnknownVariables]: 'false',
    [Input.DryRun]: 'false',
    [Input.Wait]: 'true',
    [Input.Timeout]: '1h',
    [Input.PollInterval]: '2s',
    [Input.MaxPollInterval]: '1m',
    [Input.RequestTimeout]: '30s',
    [Input.SuccessStatuses]: 'Success',
    [Input.CommentOnPr]: 'false',
    // github-token defaults to the job's own token, `${{ github.token }}`: an expression only the runner
    // can fill in, so it is action.yml's alone.
};
/** Settings that hold secrets: registered with every sink's scrub before anything is checked, never printed. */
const SECRET_SETTINGS = [Input.Token, Input.ClientSecret, Input.Password, Input.GithubToken];

;// CONCATENATED MODULE: ./src/settings/read.ts









/**
 * Reads and checks every input before any network call. `registerSecret` is called for each secret
 * before anything that could print it runs; `names` words the messages (the action's inputs by default).
 */
async function readSettings(read, registerSecret, names, now = Date.now()) {
    for (const secret of SECRET_SETTINGS) {
        const value = read(secret);
        if (value !== '')
            registerSecret(value);
    }
    for (const name of Object.values(Input))
        refuseUnexpanded(name, read(name), names);
    // Each setting as given, else its default (defaults.ts); the reader of a front-end gives '' when unset.
    const value = (name) => read(name) || (DEFAULTS[name] ?? '');
    const { subject } = names;
    const workflowId = value(Input.WorkflowId);
    if (workflowId === '')
        throw new InputError(`${subject(Input.WorkflowId)} is required: the UUID of the QFlow workflow to run.`);
    const plan = await readPlan(value, names);
    return {
        gatewayUrl: resolveGateway(value(Input.Platform), value(Input.GatewayUrl), names),
        credentials: readCredentials(value, now, names),
        workflowId: parseUuid(subject(Input.WorkflowId), workflowId),
        plan,
        maxParallel: parsePositiveInteger(subject(Input.MaxParallel), value(Input.MaxParallel)),
        failFast: parseBoolean(subject(Input.FailFast), value(Input.FailFast)),
        allowUnknownVariables: parseBoolean(subject(Input.AllowUnknownVariables), value(Input.AllowUnknownVariables)),
        ...readTiming(value, names),
        stepOutputs: parseNodeSelection(subject(Input.StepOutputs), value(Input.StepOutputs)),
        stepInputs: parseNodeSelection(subject(Input.StepInputs), value(Input.StepInputs)),
        ...readStatuses(value, names),
        outputFile: value(Input.OutputFile) || undefined,
        commentToken: readCommentToken(value, names),
        names,
    };
}
/**
 * A setting that is a CI variable's reference left unexpanded (see unexpandedReference) is refused
 * before any call: sent on, it would spend a login and blame the credentials.
 */
function refuseUnexpanded(name, value, { subject }) {
    const variable = unexpandedReference(value, !SECRET_SETTINGS.includes(name));
    if (variable === undefined)
        return;
    throw new InputError(`${subject(name)} is a reference to the variable ${variable} that was not expanded. Expected its value: define ${variable} in the CI (for a secret in Azure Pipelines, map it into the step's env), or pass the value itself.`);
}
/** What to do: start executions (one, or one per matrix item), only check them, or wait for one that exists. */
async function readPlan(value, names) {
    const { of, subject } = names;
    const executionId = value(Input.ExecutionId);
    const yaml = await yamlParserFor([value(Input.Variables), value(Input.RunInput), value(Input.Matrix)]);
    const variables = parseMapping(subject(Input.Variables), value(Input.Variables), yaml);
    if (variables)
        checkVariableValues(subject(Input.Variables), variables);
    const runInput = parseMapping(subject(Input.RunInput), value(Input.RunInput), yaml);
    const matrix = parseStructured(subject(Input.Matrix), value(Input.Matrix), yaml);
    // YAML reads `[a, ]` as [a] and `[, b]` from an unset secret as [b]: a silently shorter matrix.
    const emptyEntry = /\[\s*,|,\s*,|,\s*\]/.exec(value(Input.Matrix));
    if (matrix !== undefined && emptyEntry) {
        throw new InputError(`${subject(Input.Matrix)} has an empty entry in a list (${quote(emptyEntry[0])}), perhaps a secret or variable that is not set. Expected a value between every two commas.`);
    }
    const wait = parseBoolean(subject(Input.Wait), value(Input.Wait));
    const dryRun = parseBoolean(subject(Input.DryRun), value(Input.DryRun));
    if (executionId !== '') {
        if (runInput || variables || matrix !== undefined) {
            throw new InputError(`${of(Input.RunInput)}, ${of(Input.Variables)} and ${of(Input.Matrix)} start new executions, but ${of(Input.ExecutionId)} waits for an existing one. Give one or the other.`);
        }
        if (!wait) {
            throw new InputError(`${subject(Input.Wait)} is false, so there is nothing to do for the existing execution in ${of(Input.ExecutionId)}. Expected ${names.set(Input.Wait, 'true')} to wait for it.`);
        }
        if (dryRun) {
            throw new InputError(`${subject(Input.DryRun)} checks run requests and starts nothing, but ${of(Input.ExecutionId)} waits for an execution that exists: there is nothing to check. Expected one or the other.`);
        }
        return { kind: 'attach', executionId: parseUuid(subject(Input.ExecutionId), executionId) };
    }
    const base = { input: runInput, variables };
    const runs = matrix === undefined ? [base] : expandMatrix(matrix, base, names);
    const fanOut = matrix !== undefined;
    return dryRun ? { kind: 'dry-run', runs, fanOut } : { kind: 'start', runs, fanOut, wait };
}
/** A duration as given, and how a bare number was read (seconds): "200" meant as 200ms shows its mistake. */
function asRead(given, ms) {
    return isBareNumber(given) ? `${given.trim()}, read as ${humanDuration(ms)}` : given;
}
/** The timeout, the pauses between looks and the longest wait for one answer. */
function readTiming(value, { of, subject }) {
    const pollIntervalMs = parseDuration(subject(Input.PollInterval), value(Input.PollInterval));
    const maxPollIntervalMs = parseDuration(subject(Input.MaxPollInterval), value(Input.MaxPollInterval));
    if (maxPollIntervalMs < pollIntervalMs) {
        throw new InputError(`${subject(Input.MaxPollInterval)} (${asRead(value(Input.MaxPollInterval), maxPollIntervalMs)}) is shorter than ${of(Input.PollInterval)} (${asRead(value(Input.PollInterval), pollIntervalMs)}). Expected a largest pause at least as long as the first.`);
    }
    return {
        timeoutMs: parseDuration(subject(Input.Timeout), value(Input.Timeout)),
        pollIntervalMs,
        maxPollIntervalMs,
        requestTimeoutMs: parseDuration(subject(Input.RequestTimeout), value(Input.RequestTimeout)),
    };
}
/** The final statuses that count as success, and those that count as failure besides the known ones. */
function readStatuses(value, { of }) {
    const successStatuses = parseList(value(Input.SuccessStatuses));
    const failureStatuses = parseList(value(Input.FailureStatuses));
    const both = successStatuses.find((s) => failureStatuses.some((f) => normalizeStatus(f) === normalizeStatus(s)));
    if (both !== undefined) {
        throw new InputError(`Status ${quote(both)} is in both ${of(Input.SuccessStatuses)} and ${of(Input.FailureStatuses)}. Expected each status in one list only.`);
    }
    return { successStatuses, failureStatuses };
}
function readCommentToken(read, { of, subject }) {
    if (!parseBoolean(subject(Input.CommentOnPr), read(Input.CommentOnPr)))
        return undefined;
    const token = read(Input.GithubToken);
    if (token === '') {
        throw new InputError(`${subject(Input.CommentOnPr)} is true but ${of(Input.GithubToken)} is empty. Expected a token that may write pull-request comments (by default the job's own, \${{ github.token }}).`);
    }
    return token;
}
function readCredentials(read, now, { of, subject }) {
    const token = read(Input.Token);
    const clientId = read(Input.ClientId);
    const clientSecret = read(Input.ClientSecret);
    const username = read(Input.Username);
    const password = read(Input.Password);
    const given = [];
    if (token !== '')
        given.push(`${of(Input.Token)}`);
    if (clientId !== '' || clientSecret !== '')
        given.push(`${of(Input.ClientId)}/${of(Input.ClientSecret)}`);
    if (username !== '' || password !== '')
        given.push(`${of(Input.Username)}/${of(Input.Password)}`);
    const ways = `${of(Input.Token)}, or ${of(Input.ClientId)} with ${of(Input.ClientSecret)}, or ${of(Input.Username)} with ${of(Input.Password)}`;
    if (given.length === 0)
        throw new InputError(`No credentials given. Expected exactly one of: ${ways}.`);
    if (given.length > 1)
        throw new InputError(`More than one way of authenticating given (${given.join(' and ')}). Expected exactly one of: ${ways}.`);
    if (token !== '') {
        if (/\s/.test(token)) {
            throw new InputError(`${subject(Input.Token)} contains white space. Expected the bare JWT, without a 'Bearer ' prefix.`);
        }
        // A JWT says when it expires: an expired one would only earn a 401 on the first call.
        const expiry = jwtExpiry(token);
        if (expiry !== undefined && expiry <= now) {
            throw new InputError(`${subject(Input.Token)} is a JWT that expired at ${new Date(expiry).toISOString()} (a Qualys JWT lasts 4 hours). Pass a fresh one, or give ${of(Input.ClientId)}/${of(Input.ClientSecret)} so the token is obtained and renewed for you.`);
        }
        return { kind: 'token', token };
    }
    if (clientId !== '' || clientSecret !== '') {
        if (clientId === '')
            throw new InputError(`${subject(Input.ClientSecret)} is set but ${of(Input.ClientId)} is empty. Expected both.`);
        if (clientSecret === '')
            throw new InputError(`${subject(Input.ClientId)} is set but ${of(Input.ClientSecret)} is empty. Expected both.`);
        return { kind: 'oauth-client', clientId, clientSecret };
    }
    if (username === '')
        throw new InputError(`${subject(Input.Password)} is set but ${of(Input.Username)} is empty. Expected both.`);
    if (password === '')
        throw new InputError(`${subject(Input.Username)} is set but ${of(Input.Password)} is empty. Expected both.`);
    return { kind: 'password', username, password };
}

;// CONCATENATED MODULE: ./src/markdown.ts
/**
 * Untrusted text in Markdown: the one way step names, types, statuses, messages, labels, variable values
 * and IDs from answers go into the job summary and the pull-request comment. A gateway, a proxy or a
 * workflow's author can put anything in them; a reviewer deciding on a deployment reads this page, so
 * what they wrote must show as the text it is: never HTML, a link, an image, a heading, a hidden
 * comment, a table break, or a mention that notifies someone.
 *
 * Decided: mentions (`@team`), issue references (`#12`) and autolinks (`https://…`, `www.…`,
 * `a@b.example`) are broken with a WORD JOINER (U+2060), which shows as nothing, rather than put in
 * code spans: a code span would change how every message reads, and a backtick in the text could end it.
 * Markdown's punctuation is escaped with a backslash, and `<`, `>`, `&` become entities, so a reader
 * sees the characters themselves. Mermaid labels keep their own escaping (report/diagram.ts).
 */
/** Bidirectional controls: they reorder what a reader sees. */
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Control characters and the Unicode line and paragraph separators: a line break would end the table row. */
// eslint-disable-next-line no-control-regex
const BREAKS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
/**
 * Characters that start inline Markdown anywhere in a line (escapes, code, emphasis, links, strikethrough,
 * table cells); a backslash before each makes it plain. The rest matter only where a line starts.
 */
const INLINE = /[\\`*_[\]|~]/g;
/** What opens a block (a list item, a heading, a quote, a rule) at the start of a line. */
const BLOCK_START = /^(?:[-+=#]|\d{1,9}(?=[.)]))/;
const WORD_JOINER = '\u2060';
/** Text as Markdown that renders as that text, on one line, cut at `max` characters (before escaping). */
function mdText(text, max = 2000) {
    const line = text.replace(BIDI, '').replace(BREAKS, ' ').trim();
    const cut = line.length > max ? `${line.slice(0, max - 1)}…` : line;
    return (cut
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(INLINE, (c) => `\\${c}`)
        // Within a word (credentials_azure) an underscore starts no emphasis: left as it is, for a readable file.
        .replace(/(?<=[\p{L}\p{N}])\\_(?=[\p{L}\p{N}])/gu, '_')
        // "1. x" and "2) x" are list items: the dot or bracket is escaped; "- x", "# x" their first character.
        .replace(BLOCK_START, (start) => (/^\d/.test(start) ? start : `\\${start}`))
        .replace(/^(\d{1,9})([.)])/, '$1\\$2')
        // Mentions, emails, issue references and autolinks: a word joiner after the character that starts them.
        .replace(/[@#]/g, (c) => `${c}${WORD_JOINER}`)
        .replace(/(www)\./gi, `$1${WORD_JOINER}.`)
        .replace(/:\/\//g, `:${WORD_JOINER}//`));
}
/** An ID (a UUID, a node ID, a path) as inline code: its backticks cannot end the span, nor a `|` the table cell. */
function mdCode(text) {
    const line = text.replace(BIDI, '').replace(BREAKS, ' ').replace(/`/g, "'").replace(/\|/g, '\\|');
    return `\`${line}\``;
}
/**
 * Our own documentation text (action.yml's descriptions) as one table cell: its Markdown is meant, so
 * only what would end the row or the cell, a line break or a `|`, is changed.
 */
function mdDocCell(text) {
    return text
        .trim()
        .replace(/\|/g, '\\|')
        .replace(/\s*\n\s*/g, ' ');
}

;// CONCATENATED MODULE: ./src/redact.ts
/**
 * Secrets kept out of every sink. The runner masks what `core.setSecret` registered in the log and the
 * job summary, but not in a pull-request comment, a file or any other front-end's output; and an
 * error body that echoes the request (a login answering 401 with the client secret in its text) is
 * not registered at all. So everything this project writes for people or later steps passes through
 * one Redactor: the secrets registered with it, and text that looks like a secret whatever it is.
 *
 * Step outputs can also hold credentials (a step that reads a vault, an API key passed along). Values
 * under keys that name a secret are found here too, so the front-end can register them.
 */
const SECRET_KEY = /pass(word|wd|phrase)?$|secret|token|credential|private_?key|api_?key|authorization|^auth$|^jwt$/i;
/** Shorter values are left alone: masking "abc" would blank it out of every log line. */
const MIN_SECRET_LENGTH = 4;
const MASK = '***';
/** Values are kept to this depth; what lies deeper is replaced by a note (see walk). */
const MAX_DEPTH = 256;
/** A JSON Web Token: three base64url parts, the first a JSON header (`eyJ` is `{"`). */
const JWT = /eyJ[\w-]+\.[\w-]+\.[\w-]*/g;
/** `Bearer <anything>`, as an Authorization header shows it. */
const BEARER = /\b(Bearer\s+)[^\s"',;]+/gi;
/**
 * `clientSecret: x`, `"password":"x"`, `password=x`, `X-Api-Key: x`: a secret-named key and its value,
 * as an echoed request, a form body or a header dump shows them. `token` alone is left out: the login
 * form's `token=true` and messages about the 'token' input are not secrets. A key and value apart
 * (`password: x`) count where a dump puts them (quoted, or at the start of a line), or when the value
 * is no plain word: in a sentence ("the username and password: answered HTTP 401") the next word is
 * no secret.
 */
const SECRET_KEYS = 'client[_-]?secret|password|passwd|passphrase|secret|api[_-]?key|private[_-]?key|access[_-]?token|refresh[_-]?token|id[_-]?token|authorization';
const SECRET_ASSIGNMENT = new RegExp([
    // key=value, key:value, "key": "value", 'key':'value'
    `\\b((?:${SECRET_KEYS})(?:["']\\s*[:=]\\s*["']?|\\s*=\\s*["']?|:["']?))(?!\\*\\*\\*)([^\\s"'&,;}<]+)`,
    // key: value at the start of a line (a header dump, YAML)
    `(^[ \\t-]*(?:[\\w-]*[_-])?(?:${SECRET_KEYS})\\s*:\\s+["']?)(?!\\*\\*\\*)([^\\s"'&,;}<]+)`,
    // key: value within a line, when the value is no plain word (a flattened dump: "clientSecret: hunter22")
    `(\\b(?:${SECRET_KEYS})\\s*:\\s+["']?)(?!\\*\\*\\*)(?=[^\\s"'&,;}<]*[^a-z\\s"'&,;}<.!?:])([^\\s"'&,;}<]+)`,
].join('|'), 'gim');
function isSecretKey(key) {
    return SECRET_KEY.test(key.replace(/[-\s]/g, '_'));
}
/** Every string (or number) under a secret-named key, at any depth. */
function findSecretValues(value, underSecretKey = false, found = new Set()) {
    if (Array.isArray(value)) {
        for (const item of value)
            findSecretValues(item, underSecretKey, found);
    }
    else if (value !== null && typeof value === 'object') {
        for (const [key, inner] of Object.entries(value))
            findSecretValues(inner, underSecretKey || isSecretKey(key), found);
    }
    else if (underSecretKey && (typeof value === 'string' || typeof value === 'number')) {
        const text = String(value);
        // QFlow already masks some credentials as asterisks; those need no masking.
        if (text.length >= MIN_SECRET_LENGTH && !/^\*+$/.test(text))
            found.add(text);
    }
    return found;
}
/**
 * Run variables that name a real secret. `credentials` and `connectorId` hold connector IDs, which are
 * identifiers, not secrets: shown, so two rows for two AWS accounts in one region can be told apart.
 */
const SECRET_VARIABLE = /pass(word|wd|phrase)?$|secret|token|private_?key|api_?key|authorization|^auth$|^jwt$/i;
/** Run variables with the value of every key that names a real secret replaced by `***`. */
function maskSecrets(values) {
    return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, SECRET_VARIABLE.test(key.replace(/[-\s]/g, '_')) ? MASK : value]));
}
class Redactor {
    /** Longest first, so a secret that contains another is masked whole. */
    secrets = [];
    /** Registers a secret: it is masked, as it is and as JSON, a URL or a form would encode it. */
    add(secret) {
        if (secret.length < MIN_SECRET_LENGTH)
            return;
        const forms = [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2)];
        for (const form of forms)
            if (!this.secrets.includes(form))
                this.secrets.push(form);
        this.secrets.sort((a, b) => b.length - a.length);
    }
    /** Text (a log line, a message, the summary, a comment): registered secrets and secret-looking text masked. */
    text(text) {
        return this.registered(text)
            .replace(JWT, '[redacted JWT]')
            .replace(BEARER, `$1${MASK}`)
            .replace(SECRET_ASSIGNMENT, (...groups) => `${groups[1] ?? groups[3] ?? groups[5]}${MASK}`);
    }
    /**
     * A value (an output, the result file, step data): every string in it scrubbed as text, so what a
     * workflow produced keeps its shape and stays valid JSON.
     */
    value(value) {
        return this.walk(value);
    }
    walk(value, depth = 0) {
        if (typeof value === 'string')
            return this.text(value);
        if ((Array.isArray(value) || (value !== null && typeof value === 'object')) && depth >= MAX_DEPTH) {
            // Deeper than any real answer: a hostile one would overflow the stack of every later step.
            return `[nested deeper than ${MAX_DEPTH} levels: left out]`;
        }
        if (Array.isArray(value))
            return value.map((item) => this.walk(item, depth + 1));
        if (value !== null && typeof value === 'object') {
            return Object.fromEntries(Object.entries(value).map(([key, inner]) => [this.text(key), this.walk(inner, depth + 1)]));
        }
        return value;
    }
    registered(text) {
        let out = text;
        for (const secret of this.secrets)
            if (out.includes(secret))
                out = out.split(secret).join(MASK);
        return out;
    }
}

;// CONCATENATED MODULE: ./src/report/diagram.ts
/** Nodes drawn at most: beyond this the steps table alone says it. */
const MAX_DIAGRAM_NODES = 60;
/**
 * What each colour means, for the line under the picture. Every box has dark text on a pale fill, so it
 * reads the same in GitHub's light and dark themes.
 */
const LEGEND = {
    succeeded: 'green: succeeded',
    failed: 'red: failed',
    notrun: 'grey dashed: not run',
    unknown: 'yellow dashed: not known yet (the execution had not ended)',
};
/** The legend of a diagram: what each colour it uses means, and only those. */
function legendOf(diagram) {
    return Object.entries(LEGEND)
        .filter(([kind]) => new RegExp(`^  class n\\d+ ${kind}$`, 'm').test(diagram))
        .map(([, meaning]) => meaning)
        .join(', ');
}
/**
 * The Mermaid block, or undefined when there is nothing to draw or too much. `ended`: the execution
 * ended, so a node without a step did not run; before its end (a wait that timed out) it is not known yet.
 */
function workflowDiagram(components, steps, failed, ended = true) {
    if (components.length === 0 || components.length > MAX_DIAGRAM_NODES)
        return undefined;
    // Mermaid's own IDs are n0, n1, …: a node ID can hold characters Mermaid reads as syntax.
    const key = new Map(components.map((c, i) => [c.id, `n${i}`]));
    const ran = new Set(steps.map((s) => s.nodeId));
    const lines = ['```mermaid', 'flowchart LR'];
    for (const c of components)
        lines.push(`  ${key.get(c.id)}["${label(c.name)}"]`);
    const edges = new Set();
    for (const c of components) {
        for (const next of c.next)
            if (key.has(next))
                edges.add(`${key.get(c.id)} --> ${key.get(next)}`);
        for (const previous of c.previous)
            if (key.has(previous))
                edges.add(`${key.get(previous)} --> ${key.get(c.id)}`);
    }
    for (const edge of edges)
        lines.push(`  ${edge}`);
    for (const c of components) {
        // The trigger node (`trigger` in the API guide's sample) is no step of the list: it ran if anything did.
        const triggered = c.type.toLowerCase() === 'trigger' && !ran.has(c.id) && steps.length > 0;
        const kind = failed.has(c.id) ? 'failed' : ran.has(c.id) || triggered ? 'succeeded' : ended ? 'notrun' : 'unknown';
        lines.push(`  class ${key.get(c.id)} ${kind}`);
    }
    lines.push('  classDef succeeded fill:#dafbe1,stroke:#1a7f37,color:#1f2328', '  classDef failed fill:#ffebe9,stroke:#cf222e,stroke-width:2px,color:#1f2328', '  classDef notrun fill:#f6f8fa,stroke:#8c959f,stroke-dasharray:3 3,color:#1f2328', '  classDef unknown fill:#fff8c5,stroke:#9a6700,stroke-dasharray:3 3,color:#1f2328', '```');
    return lines.join('\n');
}
/** A step name as a Mermaid label: quotes, brackets and the like as entity codes, on one line. */
function label(name) {
    return name
        .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
        .replace(/[\r\n]+/g, ' ')
        .replace(/[#"<>&{}[\]()|`;]/g, (c) => `#${c.charCodeAt(0)};`)
        .slice(0, 200);
}

;// CONCATENATED MODULE: ./src/run/report.ts

function timings(execution) {
    const start = execution?.startDate;
    const end = execution?.endDate;
    return {
        startedAt: iso(start),
        endedAt: iso(end),
        durationSeconds: start !== undefined && end !== undefined ? String(Math.max(0, Math.round((end - start) / 1000))) : '',
    };
}
/**
 * The same timings for a JSON document (the result file, the `executions` list): the duration a number,
 * what is not known null, so a later step reads `durationSeconds` as a number without a check for "".
 */
function jsonTimings(execution) {
    const { startedAt, endedAt, durationSeconds } = timings(execution);
    return { startedAt: startedAt || null, endedAt: endedAt || null, durationSeconds: durationSeconds === '' ? null : Number(durationSeconds) };
}
function stepSummary(steps) {
    return steps.map(({ nodeId, nodeType, status }) => ({ nodeId, nodeType, status }));
}

;// CONCATENATED MODULE: ./src/report/summary.ts
/**
 * The job summary a reviewer reads: the headline, the timings, the steps and the picture of the
 * workflow, under GitHub's 1 MiB limit. Pure: the front-ends write it.
 */







/** GitHub refuses a job summary over 1 MiB; leave room for other steps' summaries too. */
const MAX_SUMMARY_BYTES = 512 * 1024;
/** Rows of a summary table at most: steps of one execution, or executions of a fan-out. */
const MAX_SUMMARY_STEP_ROWS = 300;
const HEADLINE = {
    success: '✅ QFlow workflow succeeded',
    failure: '❌ QFlow workflow failed',
    timed_out: '⏱️ Gave up waiting for the QFlow workflow',
    cancelled: '🛑 Stopped waiting for the QFlow workflow',
    started: '🚀 QFlow workflow started',
    validated: '🔍 QFlow workflow checked, nothing started (dry run)',
};
const JOB_SUMMARY = { maxBytes: MAX_SUMMARY_BYTES, restIn: 'the result file' };
/**
 * Where the full result is: the path the user chose, or, for one in the runner's temp folder (gone
 * with the job), where to find its path.
 */
function resultFile(report) {
    if (report.outputFileChosen)
        return mdCode(report.outputFile);
    return `JSON on the runner, at the path ${report.names.resultPathIn}`;
}
/**
 * The headline: what became of the workflow, and for one execution that failed, the step that failed
 * first by its name.
 */
function headlineOf(report) {
    if (report.ending === 'no-result' || report.ending === 'bad-input')
        return '❌ The QFlow run failed';
    const one = report.fanOut ? undefined : report.executions[0];
    const step = one?.result === 'failure' ? one.failedSteps[0] : undefined;
    if (!step)
        return HEADLINE[report.result];
    const name = report.definition?.components.find((c) => c.id === step.nodeId)?.name;
    return `${HEADLINE.failure} at ${name ? `step ${mdText(name, 100)}` : `node ${mdCode(step.nodeId)}`}`;
}
/** The job summary as Markdown: one execution's details and steps, or a fan-out's table of executions. */
function summaryMarkdown(report, fit = JOB_SUMMARY) {
    const lines = [`## ${headlineOf(report)}`, ''];
    if (report.message)
        lines.push(`> ${mdText(report.message)}`, '');
    if (report.budgetPauseMs) {
        lines.push(`> ⚠️ The subscription's API budget could not pay for looking that often, so looks at the execution were up to ${humanDuration(report.budgetPauseMs)} apart, longer than ${report.names.of(Input.MaxPollInterval)}: its end may have been noticed that late.${report.budgetNote ? ` ${mdText(report.budgetNote)}` : ''}`, '');
    }
    if (report.fanOut)
        fanOutSummary(report, lines, fit);
    else
        oneExecutionSummary(report, report.executions[0], lines, fit);
    return `${lines.join('\n')}\n`;
}
function oneExecutionSummary(report, one, lines, fit) {
    const { startedAt, endedAt, durationSeconds } = timings(one?.execution);
    const rows = [
        ['Workflow', mdCode(report.workflowId)],
        ['Execution', one?.executionId ? mdCode(one.executionId) : 'not started'],
        ['Status', mdText(one?.status || '–')],
    ];
    if (startedAt)
        rows.push(['Started', startedAt]);
    if (endedAt)
        rows.push(['Ended', endedAt]);
    if (durationSeconds)
        rows.push(['Duration', humanDuration(Number(durationSeconds) * 1000)]);
    rows.push(['API calls', String(report.apiCalls)]);
    if (report.outputFile)
        rows.push(['Result file', resultFile(report)]);
    // The first row is the table's header: GFM has no table without one, and an empty one shows as a blank bar.
    const [[firstKey, firstValue], ...rest] = rows;
    lines.push(`| ${firstKey} | ${firstValue} |`, '|---|---|', ...rest.map(([k, v]) => `| ${k} | ${v} |`), '');
    const steps = one?.steps ?? [];
    const failed = new Set(one?.failedSteps.map((s) => s.nodeId) ?? []);
    const components = report.definition?.components ?? [];
    const ended = one?.result === 'success' || one?.result === 'failure';
    const diagram = one?.executionId ? workflowDiagram(components, steps, failed, ended) : undefined;
    if (diagram)
        lines.push(diagram, `_${legendOf(diagram)}_`, '');
    if (report.definitionNote && steps.length)
        lines.push(`_${mdText(report.definitionNote)}_`, '');
    if (one?.stepsUnread)
        lines.push('_The steps could not be read (the log says why), so they and their data are left out._', '');
    if (!steps.length)
        return;
    const names = new Map(components.map((c) => [c.id, c.name]));
    // Failed steps first: they are what the reader came for.
    const ordered = [...steps.filter((s) => failed.has(s.nodeId)), ...steps.filter((s) => !failed.has(s.nodeId))];
    lines.push(`### Steps (${steps.length}${failed.size ? `, ${failed.size} failed` : ''})`, '');
    lines.push('| Step | Node | Type | Status | Started | Duration |', '|---|---|---|---|---|---|');
    const stepRows = ordered.map((step) => {
        const name = names.get(step.nodeId);
        const status = `${failed.has(step.nodeId) ? '❌ ' : ''}${mdText(step.status || '–')}${failed.has(step.nodeId) && step.message ? `: ${mdText(step.message)}` : ''}`;
        // A step of an execution still running at the timeout may change again: no duration for it yet.
        const end = step.endedAt ?? (ended ? step.updatedAt : undefined);
        const duration = step.startedAt !== undefined && end !== undefined ? humanDuration(Math.max(0, end - step.startedAt)) : '–';
        return `| ${mdText(name ?? '–')} | ${mdCode(step.nodeId)} | ${mdText(step.nodeType || '–')} | ${status} | ${step.startedAt !== undefined ? iso(step.startedAt) : '–'} | ${duration} |`;
    });
    addRows(lines, stepRows, 'more steps', fit);
}
const RESULT_WORDS = {
    success: 'succeeded',
    failure: 'failed',
    timed_out: 'still running at the timeout',
    cancelled: 'not waited for',
    started: 'started',
    validated: 'checked',
};
const NOT_STARTED = 'did not start or may have started';
function fanOutSummary(report, lines, fit) {
    // In a fixed order, successes first, so totals of two runs read alike.
    const counts = new Map([...Object.values(RESULT_WORDS), NOT_STARTED].map((word) => [word, 0]));
    for (const e of report.executions) {
        const word = !e.executionId && e.result === 'failure' ? NOT_STARTED : RESULT_WORDS[e.result];
        counts.set(word, counts.get(word) + 1);
    }
    for (const [word, n] of counts)
        if (n === 0)
            counts.delete(word);
    lines.push(`**${[...counts].map(([word, n]) => `${n} ${word}`).join(', ')}** of ${report.executions.length} executions of workflow ${mdCode(report.workflowId)}; ${report.apiCalls} API calls.`, '');
    if (report.outputFile)
        lines.push(`Result file: ${resultFile(report)}`, '');
    // Failures first, then the rest in the order of the matrix: what the reader came for.
    const order = (e) => (isFine(e.result) ? 1 : 0);
    const ordered = [...report.executions].sort((a, b) => order(a) - order(b) || a.item - b.item);
    lines.push('| Item | Variables | Execution | Status | Duration | Failed steps |', '|---:|---|---|---|---|---|');
    const rows = ordered.map((e) => {
        const { durationSeconds } = timings(e.execution);
        const variables = Object.entries(maskSecrets(e.request?.variables ?? {}))
            .map(([k, v]) => `${k}: ${String(v)}`)
            .join(', ');
        const mark = isFine(e.result) ? '' : '❌ ';
        return `| ${mdText(itemName(e.item, e.request))} | ${mdText(variables || '–')} | ${e.executionId ? mdCode(e.executionId) : 'not started'} | ${mark}${mdText(e.status || (e.message ? 'error' : '–'))} | ${durationSeconds ? humanDuration(Number(durationSeconds) * 1000) : '–'} | ${mdText(e.failedSteps.map((s) => s.nodeId).join(', ') || '–')} |`;
    });
    addRows(lines, rows, 'more executions', fit);
}
/** Table rows up to the summary's size and row limits, then a line that says how many were left out and where they are. */
function addRows(lines, rows, what, fit) {
    let size = Buffer.byteLength(lines.join('\n'));
    let shown = 0;
    for (const row of rows) {
        size += Buffer.byteLength(row) + 1;
        if (shown >= MAX_SUMMARY_STEP_ROWS || size > fit.maxBytes - 1024)
            break;
        lines.push(row);
        shown++;
    }
    if (shown < rows.length)
        lines.push('', `${rows.length - shown} ${what} are listed in ${fit.restIn}.`);
}

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: ./src/files.ts
/**
 * Files the run writes for people and later jobs (the result file, a summary, a dotenv report) are
 * checked before any call: a run must not start an execution and then fail to say so.
 */




/**
 * Makes sure `file` can be written: its folder is created when missing (as `mkdir -p` would: a CI job
 * writes `reports/qflow.md` into a fresh checkout); a folder where the file should be, or a place that
 * cannot be written, is an error naming the setting. Returns the path as given.
 */
async function prepareOutputFile(setting, file, example = 'qflow.json') {
    // Blank (an unset "$SUMMARY") or ending in a slash (`reports/`): no file is named.
    if (file.trim() === '')
        throw new InputError(`${setting} is blank. Expected the path of a file, such as ${quote(example)}.`);
    if (/[\\/]$/.test(file))
        throw new InputError(`${setting} names the folder ${quote(file)}. Expected a file, such as ${quote(external_node_path_default().join(file, example))}.`);
    const folder = external_node_path_default().dirname(external_node_path_default().resolve(file));
    const found = await (0,promises_namespaceObject.stat)(file).catch(() => undefined);
    if (found?.isDirectory())
        throw new InputError(`${setting} names the folder ${quote(file)}. Expected a file, such as ${quote(external_node_path_default().join(file, example))}.`);
    try {
        await (0,promises_namespaceObject.mkdir)(folder, { recursive: true });
        await (0,promises_namespaceObject.access)(found ? file : folder, external_node_fs_namespaceObject.constants.W_OK);
    }
    catch (error) {
        const code = error.code;
        const why = code === 'EEXIST' || code === 'ENOTDIR' ? 'a file stands where a folder of its path should be' : (code ?? error.message);
        throw new InputError(`${setting} is ${quote(file)}, which cannot be written (${why}). Expected a file in a folder this job may write to.`);
    }
    return file;
}

;// CONCATENATED MODULE: external "node:events"
const external_node_events_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");
;// CONCATENATED MODULE: external "node:stream/promises"
const external_node_stream_promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");
;// CONCATENATED MODULE: ./src/qflow/paging.ts
/**
 * Where the next page of a QFlow list starts, and when the list is read. The docs name `pageSize`
 * but no largest size, so a server may send fewer items than asked for while its `total` says there
 * are more (qflow-api.md: paging is [open]). Taking such a page as the last would lose the rest of
 * the list: executions waited for would never be seen. A short first page with a total beyond it
 * is read as the server's own page size instead, and the list is paged on by that size.
 */
class Pager {
    size;
    /** The page to ask for next, from 1. */
    pageNumber = 1;
    /** Items the server sent so far, also those that could not be read. */
    seen = 0;
    /** Nothing more to read. */
    done = false;
    constructor(
    /** The page size to ask for; lowered to the server's own when it sends less. */
    size) {
        this.size = size;
    }
    /** Takes in one page: how many items it held, and the total the server gave, if any. */
    advance(received, total) {
        this.seen += received;
        if (received === 0 || (total !== undefined && this.seen >= total)) {
            this.done = true;
            return;
        }
        if (received < this.size) {
            // Without a total a short page is the last one; later than the first it cannot be told from
            // a list that changed while it was read, so the end is taken as it was before either case.
            if (total === undefined || this.pageNumber > 1) {
                this.done = true;
                return;
            }
            this.size = received;
        }
        this.pageNumber = this.seen / this.size + 1;
    }
}

;// CONCATENATED MODULE: ./src/pool.ts
/**
 * The one concurrency limiter: `Slots` lets at most a given number of tasks run at once (the calls in
 * flight a gateway allows, the run calls of a fan-out, the step data fetched together); `inPool`
 * works through a list with it.
 */
/** At most `limit()` tasks at once, the rest queued in order; the limit is asked anew each time, as a gateway may state a new one. */
class Slots {
    limit;
    held = 0;
    waiting = [];
    constructor(limit) {
        this.limit = limit;
    }
    async run(task) {
        while (this.held >= Math.max(1, this.limit()))
            await new Promise((resolve) => this.waiting.push(resolve));
        this.held++;
        try {
            return await task();
        }
        finally {
            this.held--;
            this.waiting.shift()?.();
        }
    }
}
/**
 * Works through `items` with at most `limit` at a time, in order, each through `work`; resolves when
 * all are done. `stop` is asked before each item is taken: once it says so, no further item starts
 * (those under way finish). A `work` that throws ends the pool with that error, the others finishing.
 */
async function inPool(items, limit, work, stop = () => false) {
    const slots = new Slots(() => limit);
    let failed = false;
    await Promise.all(items.map((item, index) => slots.run(async () => {
        if (failed || stop())
            return;
        try {
            await work(item, index);
        }
        catch (error) {
            failed = true;
            throw error;
        }
    })));
}

;// CONCATENATED MODULE: ./src/run/results.ts
/**
 * After the execution ends: its steps, the step outputs and inputs asked for, and the full result
 * file. Step data goes from the socket to a file and from there into the result file, so a step
 * output of tens of megabytes is never held in memory.
 */








/** Steps fetched at once: quick, without a burst that eats a small API budget in one second. */
const CONCURRENT_FETCHES = 4;
const STEP_PAGE_SIZE = 100;
/** Steps read at most for one execution (the README states it): a sane bound, said in a warning when reached. */
const MAX_STEPS = 5000;
/**
 * Every step of an execution, following the list's `total` to the end, up to MAX_STEPS (with a
 * warning naming the bound when there are more). Steps whose node ID is not of the documented form
 * are left out with a warning: such an ID would go into URLs and outputs.
 */
async function listAllSteps(client, executionId, log, deadline) {
    const steps = [];
    const pager = new Pager(STEP_PAGE_SIZE);
    let unreadable = 0;
    let total;
    // Whole pages only: a smaller last page asked by the same page number would start elsewhere in the list.
    for (let pages = 1; !pager.done && pager.seen < MAX_STEPS; pages++) {
        const page = await client.listSteps(executionId, pager.pageNumber, pager.size, deadline);
        // A server that ignores paging sends the first page again: stop there.
        const repeated = pages > 1 && page.items[0] !== undefined && steps.some((s) => s.nodeId === page.items[0].nodeId);
        if (repeated)
            break;
        steps.push(...page.items);
        unreadable += (page.received ?? page.items.length) - page.items.length;
        total = page.total ?? total;
        pager.advance(page.received ?? page.items.length, page.total);
    }
    if (steps.length > MAX_STEPS || (!pager.done && pager.seen >= MAX_STEPS)) {
        const counted = total !== undefined ? `${total} steps` : `more than ${MAX_STEPS} steps`;
        log.warning(`Execution ${executionId} has ${counted}; only the first ${MAX_STEPS} are read, so the failed steps and the summary cover those only.`);
        steps.length = Math.min(steps.length, MAX_STEPS);
    }
    if (unreadable > 0) {
        log.warning(`${unreadable} step${unreadable === 1 ? '' : 's'} of execution ${executionId} had no node ID of the documented form and ${unreadable === 1 ? 'is' : 'are'} left out.`);
    }
    // QFlow numbers steps in the order they ran; steps without a number go last.
    const order = (step) => step.eventOrder ?? Number.MAX_SAFE_INTEGER;
    return steps.sort((a, b) => order(a) - order(b));
}
/**
 * The node IDs a selection picks, warning about any the execution has no step for; `setting` is the
 * setting as its front-end names it ('step-outputs', --step-outputs).
 */
function selectNodes(selection, steps, setting, log) {
    if (selection === 'all')
        return [...new Set(steps.map((s) => s.nodeId))];
    const known = new Set(steps.map((s) => s.nodeId));
    for (const nodeId of selection.filter((id) => !known.has(id))) {
        log.warning(`${setting} names the step ${nodeId}, which this execution does not have (it may not have run). Its data is left out.`);
    }
    return selection.filter((id) => known.has(id));
}
/**
 * Downloads the step data asked for. Step data is data: one that cannot be had (none, too large, a
 * failed call, no time left) is left out with a warning naming the step, and one that is not JSON is
 * kept as text; neither changes the execution's outcome. Only a cancellation stops the rest.
 */
async function fetchStepData(client, executionId, nodeIds, kind, workDir, log, options = {}) {
    await (0,promises_namespaceObject.mkdir)(workDir, { recursive: true });
    const results = new Array(nodeIds.length);
    await inPool(nodeIds, CONCURRENT_FETCHES, async (nodeId, index) => {
        const file = external_node_path_default().join(workDir, `${kind}-${index}.json`);
        try {
            const { bytes, asText } = await client.downloadStepData(executionId, nodeId, kind, file, options);
            if (asText)
                log.warning(`The ${kind} of step ${nodeId} is not JSON; it is kept as text.`);
            results[index] = { nodeId, file, bytes };
        }
        catch (error) {
            if (error instanceof CancelledError)
                throw error;
            // A step that produced nothing answers 404: leave it out and say so, the rest is still useful.
            log.warning(`The ${kind} of step ${nodeId} is left out: ${messageOf(error)}`);
        }
    });
    return results.filter((r) => r !== undefined);
}
/** Reads a step's data back as a value; only called for data small enough for an output. */
async function readStepData(data) {
    return JSON.parse(await (0,promises_namespaceObject.readFile)(data.file, 'utf8'));
}
/**
 * Writes the full result as one JSON object: `fields` first, then each entry of `stepData`
 * (`stepOutputs`, `stepInputs`) streamed from its files.
 */
async function writeResultFile(file, fields, stepData) {
    await (0,promises_namespaceObject.mkdir)(external_node_path_default().dirname(file), { recursive: true });
    const out = (0,external_node_fs_namespaceObject.createWriteStream)(file);
    const write = async (text) => {
        if (!out.write(text))
            await (0,external_node_events_namespaceObject.once)(out, 'drain');
    };
    const writeTree = async (tree, indent) => {
        const entries = Array.isArray(tree) ? tree.map((data) => [data.nodeId, data]) : Object.entries(tree);
        await write('{');
        for (const [i, [key, value]] of entries.entries()) {
            await write(`${i === 0 ? '' : ','}\n${indent}  ${JSON.stringify(key)}: `);
            if (Array.isArray(value))
                await writeTree(value, `${indent}  `);
            else
                await (0,external_node_stream_promises_namespaceObject.pipeline)((0,external_node_fs_namespaceObject.createReadStream)(value.file), out, { end: false });
        }
        await write(entries.length ? `\n${indent}}` : '}');
    };
    const head = JSON.stringify(fields, null, 2);
    await write(head.slice(0, head.lastIndexOf('}')).trimEnd());
    for (const [key, tree] of Object.entries(stepData)) {
        await write(`,\n  ${JSON.stringify(key)}: `);
        await writeTree(tree, '  ');
    }
    out.end('\n}\n');
    await (0,external_node_events_namespaceObject.once)(out, 'finish');
}
/**
 * The default result file in `dir`, named from `id` (a UUID, or a workflow UUID and a process ID,
 * both checked before they get here): the file always lands inside `dir`.
 */
function defaultResultFile(dir, id) {
    const folder = external_node_path_default().resolve(dir);
    const file = external_node_path_default().resolve(folder, `qflow-${id}.json`);
    if (!/^[\w-]+$/.test(id) || external_node_path_default().dirname(file) !== folder)
        throw new Error(`Refusing a result file name made from '${id}'.`);
    return file;
}
async function removeWorkDir(workDir) {
    await (0,promises_namespaceObject.rm)(workDir, { recursive: true, force: true });
}

;// CONCATENATED MODULE: ./src/run/result-file.ts
/**
 * The result file: the full result as JSON, step outputs and inputs included, for later steps and
 * for people; where it goes is the front-end's `output-file` or a file in its temp folder.
 */



/** Writes the result file; returns its path, or undefined when nothing started or it could not be written. */
async function writeResult(report, outputFile, host) {
    const ids = report.executions.flatMap((e) => e.executionId ?? []);
    if (ids.length === 0)
        return undefined;
    const file = outputFile ?? defaultResultFile(host.tempDir, report.fanOut ? `${report.workflowId}-${process.pid}` : ids[0]);
    const tree = (pick) => report.fanOut
        ? Object.fromEntries(report.executions.filter((e) => e.executionId).map((e) => [e.executionId, pick(e)]))
        : pick(report.executions[0]);
    try {
        await writeResultFile(file, host.redactor.value(resultFields(report)), {
            stepOutputs: tree((e) => e.stepOutputs),
            stepInputs: tree((e) => e.stepInputs),
        });
        return file;
    }
    catch (error) {
        host.log.warning(`Could not write the result file ${file}: ${messageOf(error)}`);
        return undefined;
    }
}
/** The result without step data: the result file's fields, also for a run that started nothing (a dry run, a refused login). */
function resultFields(report) {
    const one = (e) => ({
        executionId: e.executionId,
        status: e.status,
        result: e.result,
        ...jsonTimings(e.execution),
        message: e.message,
    });
    const details = (e) => ({
        execution: e.execution?.raw ?? null,
        steps: stepSummary(e.steps),
        failedSteps: stepSummary(e.failedSteps),
    });
    if (!report.fanOut) {
        // The run's result and message are the execution's, as the file has always had them; a run that
        // stopped before its run call (a refused login, a mistake found against the definition) has none.
        const e = report.executions.at(0);
        return {
            workflowId: report.workflowId,
            executionId: e?.executionId,
            status: e?.status ?? '',
            result: report.result,
            ...jsonTimings(e?.execution),
            message: report.message,
            apiCalls: report.apiCalls,
            ...(e ? details(e) : { execution: null, steps: [], failedSteps: [] }),
        };
    }
    return {
        workflowId: report.workflowId,
        result: report.result,
        message: report.message,
        apiCalls: report.apiCalls,
        executions: report.executions.map((e) => ({
            item: e.item,
            variables: e.request?.variables ?? {},
            input: e.request?.input ?? {},
            ...one(e),
            ...details(e),
        })),
    };
}

;// CONCATENATED MODULE: ./src/report/outputs.ts
/**
 * The step outputs a run leaves for later steps, each under GitHub's 1 MB limit. Pure: the front-ends
 * write them.
 */




/** GitHub refuses a step output over 1 MB; stay a little under it. */
const MAX_OUTPUT_BYTES = 1_000_000;
/** Every output, each within GitHub's limit, every string in it scrubbed by `redactor`. */
async function buildOutputs(report, redactor) {
    const outputs = new OutputBuilder(redactor);
    const values = outputs.values;
    const [one] = report.executions;
    const fan = report.fanOut ? fanOutTimings(report.executions) : timings(one?.execution);
    values.set(Output.ExecutionId, report.executions.flatMap((e) => e.executionId ?? []).join(','));
    values.set(Output.Status, report.fanOut ? statusCounts(report.executions) : (one?.status ?? ''));
    values.set(Output.Result, report.result);
    values.set(Output.StartedAt, fan.startedAt);
    values.set(Output.EndedAt, fan.endedAt);
    values.set(Output.DurationSeconds, fan.durationSeconds);
    values.set(Output.ApiCalls, String(report.apiCalls));
    values.set(Output.OutputFile, report.outputFile ?? '');
    if (!report.fanOut) {
        outputs.fit(Output.Execution, one?.execution?.raw ?? {}, '{}');
        outputs.fit(Output.Steps, stepSummary(one?.steps ?? []), '[]');
        outputs.fit(Output.FailedSteps, stepSummary(one?.failedSteps ?? []), '[]');
    }
    else {
        // One execution's record has no meaning for many; `executions` lists them all.
        values.set(Output.Execution, '');
        const byExecution = (pick) => Object.fromEntries(report.executions.flatMap((e) => (e.executionId ? [[e.executionId, stepSummary(pick(e))]] : [])));
        outputs.fit(Output.Steps, byExecution((e) => e.steps), '{}');
        outputs.fit(Output.FailedSteps, byExecution((e) => e.failedSteps), '{}');
    }
    for (const [name, pick] of [
        [Output.StepOutputs, (e) => e.stepOutputs],
        [Output.StepInputs, (e) => e.stepInputs],
    ]) {
        const groups = report.executions.filter((e) => e.executionId).map((e) => ({ key: e.executionId, data: pick(e) }));
        await outputs.fitStepData(name, report.fanOut ? groups : groups.map((g) => ({ data: g.data })));
    }
    if (report.fanOut)
        outputs.fit(Output.Executions, report.executions.map(executionSummary), '[]');
    // The one-line outputs; the JSON ones were scrubbed string by string, so they stay valid JSON.
    for (const name of [Output.ExecutionId, Output.Status, Output.Result, Output.OutputFile])
        values.set(name, redactor.text(values.get(name)));
    return { values, warnings: outputs.warnings, secrets: [...outputs.secrets] };
}
/** Output values kept within GitHub's 1 MB limit each, with warnings for what was left out. */
class OutputBuilder {
    redactor;
    values = new Map();
    warnings = [];
    secrets = new Set();
    constructor(redactor) {
        this.redactor = redactor;
    }
    fit(name, value, fallback) {
        const text = JSON.stringify(this.redactor.value(value));
        if (Buffer.byteLength(text) <= MAX_OUTPUT_BYTES) {
            this.values.set(name, text);
            return;
        }
        this.warnings.push(`The '${name}' output would exceed GitHub's 1 MB limit and is left out; it is complete in the result file.`);
        this.values.set(name, fallback);
    }
    /** Step data keyed by node ID, grouped under `key` (an execution ID) where one is given. */
    async fitStepData(name, groups) {
        const collected = {};
        let size = 2;
        const left = [];
        for (const { key, data: list } of groups) {
            const target = key === undefined ? collected : {};
            // A group's own braces and key, so the whole object stays within the limit.
            if (key !== undefined)
                size += Buffer.byteLength(JSON.stringify({ [key]: {} })) - 1;
            for (const data of list) {
                // Judge by the file's size first, so a 50 MB output is never read back into memory.
                if (size + data.bytes > MAX_OUTPUT_BYTES) {
                    left.push(data.nodeId);
                    continue;
                }
                const value = this.redactor.value(await readStepData(data));
                for (const secret of findSecretValues(value))
                    this.secrets.add(secret);
                const entrySize = Buffer.byteLength(JSON.stringify({ [data.nodeId]: value })) - 1;
                if (size + entrySize > MAX_OUTPUT_BYTES) {
                    left.push(data.nodeId);
                    continue;
                }
                target[data.nodeId] = value;
                size += entrySize;
            }
            if (key !== undefined)
                collected[key] = target;
        }
        if (left.length) {
            const them = left.length === 1 ? 'it' : 'them';
            this.warnings.push(`The '${name}' output leaves out ${left.join(', ')}: with ${them} it would exceed GitHub's 1 MB limit. The result file has ${them} in full.`);
        }
        this.values.set(name, JSON.stringify(collected));
    }
}
/** A fan-out's statuses counted, as `46 Success, 2 Failed`. */
function statusCounts(executions) {
    const counts = new Map();
    for (const e of executions) {
        const status = e.status || (e.executionId ? 'unknown' : 'not started');
        counts.set(status, (counts.get(status) ?? 0) + 1);
    }
    return [...counts].map(([status, n]) => `${n} ${status}`).join(', ');
}
/** From the first start to the last end, once every execution has ended. */
function fanOutTimings(executions) {
    const starts = executions.map((e) => e.execution?.startDate);
    const ends = executions.map((e) => e.execution?.endDate);
    const start = starts.every((t) => t !== undefined) && starts.length ? Math.min(...starts) : undefined;
    const end = ends.every((t) => t !== undefined) && ends.length ? Math.max(...ends) : undefined;
    return timings({ id: '', status: '', raw: {}, startDate: start, endDate: end });
}
/** One row of the `executions` output: variables with secret-looking values masked, no step data. */
function executionSummary(e) {
    return {
        item: e.item,
        ...(e.request?.label !== undefined ? { label: e.request.label } : {}),
        variables: maskSecrets(e.request?.variables ?? {}),
        executionId: e.executionId ?? null,
        status: e.status,
        result: e.result,
        ...jsonTimings(e.execution),
        failedSteps: stepSummary(e.failedSteps),
        ...(e.message ? { message: e.message } : {}),
    };
}

;// CONCATENATED MODULE: ./src/nearest.ts
/** The nearest of a few known names to a word someone typed: a likely typo, said as "did you mean". */
/** The candidate closest to `word` by edit distance, when it is within `most` edits (by default a third of the word, at least 2). */
function nearest(word, candidates, most = Math.max(2, Math.floor(word.length / 3))) {
    let best;
    let bestDistance = Infinity;
    for (const candidate of candidates) {
        const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
        if (d < bestDistance)
            [best, bestDistance] = [candidate, d];
    }
    return best !== undefined && bestDistance <= most ? best : undefined;
}
/** Edits from one word to the other, a swap of two neighbours counting as one (regoin for region). */
function editDistance(a, b) {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[a.length][b.length];
}

;// CONCATENATED MODULE: ./src/cli/flags.ts
const VERSION = "1.0.0";
const FLAGS = [
    {
        "name": "platform",
        "variable": "QFLOW_PLATFORM",
        "default": "",
        "description": "Qualys platform key, mapped to its API gateway: US1, US2, US3, US4, EU1, EU2, EU3, IN1, CA1, AE1, UK1, AU1 or KSA1. Give this or gateway-url.",
        "secret": false
    },
    {
        "name": "gateway-url",
        "variable": "QFLOW_GATEWAY_URL",
        "default": "",
        "description": "Base URL of the Qualys API gateway, such as https://gateway.qg1.apps.qualys.com (needed for private cloud platforms). Wins over platform. https only; plain http only to a loopback host, for local testing.",
        "secret": false
    },
    {
        "name": "token",
        "variable": "QFLOW_TOKEN",
        "default": "",
        "description": "A Qualys bearer JWT. Give exactly one of: token, client-id with client-secret, username with password.",
        "secret": true
    },
    {
        "name": "client-id",
        "variable": "QFLOW_CLIENT_ID",
        "default": "",
        "description": "OAuth client ID of a user-level client with the Qualys Flow Access permission; with it a JWT is fetched from POST /auth/oidc and renewed before it expires.",
        "secret": false
    },
    {
        "name": "client-secret",
        "variable": "QFLOW_CLIENT_SECRET",
        "default": "",
        "description": "Secret of the OAuth client in client-id.",
        "secret": true
    },
    {
        "name": "username",
        "variable": "QFLOW_USERNAME",
        "default": "",
        "description": "Qualys username; with it and the password a JWT is fetched from POST /auth and renewed before it expires.",
        "secret": false
    },
    {
        "name": "password",
        "variable": "QFLOW_PASSWORD",
        "default": "",
        "description": "Password of the Qualys user in username.",
        "secret": true
    },
    {
        "name": "workflow-id",
        "variable": "QFLOW_WORKFLOW_ID",
        "default": "",
        "description": "UUID of the QFlow workflow to run (or whose execution to wait for).",
        "secret": false
    },
    {
        "name": "execution-id",
        "variable": "QFLOW_EXECUTION_ID",
        "default": "",
        "description": "UUID of an execution that already exists: wait for it instead of starting a new one.",
        "secret": false
    },
    {
        "name": "input",
        "variable": "QFLOW_INPUT",
        "default": "",
        "description": "The input object of the run request, as JSON or YAML. Left out of the request when empty.",
        "secret": false
    },
    {
        "name": "variables",
        "variable": "QFLOW_VARIABLES",
        "default": "",
        "description": "Overrides of the workflow's saved variables, as JSON or YAML (for AWS both credentials and region; none may be blank). Left out of the request when empty.",
        "secret": false
    },
    {
        "name": "matrix",
        "variable": "QFLOW_MATRIX",
        "default": "",
        "description": "Run the workflow once per item, as JSON or YAML: a list of items, each with variables and/or input (merged over the variables and input above) and optionally a label that names it in the log, summary and executions output, or a mapping of lists such as {credentials: [a, b], region: [us-east-1, eu-west-1]}, expanded to every combination as a GitHub matrix is. One step then waits for every execution with the API calls of one. At most 256 items.",
        "secret": false
    },
    {
        "name": "max-parallel",
        "variable": "QFLOW_MAX_PARALLEL",
        "default": "4",
        "description": "With matrix: how many run calls may be in flight at once while starting the executions (fewer when the gateway allows fewer calls at once).",
        "secret": false
    },
    {
        "name": "fail-fast",
        "variable": "QFLOW_FAIL_FAST",
        "default": "false",
        "description": "With matrix: true to stop waiting as soon as one execution fails (the others go on in QFlow).",
        "secret": false
    },
    {
        "name": "allow-unknown-variables",
        "variable": "QFLOW_ALLOW_UNKNOWN_VARIABLES",
        "default": "false",
        "description": "true to pass, without a word, override variables that the workflow's definition does not list. By default such a variable is sent with a warning that names the workflow's variables, and refused before any run when it is a near miss of one the override leaves out (regoin for region).",
        "secret": false
    },
    {
        "name": "dry-run",
        "variable": "QFLOW_DRY_RUN",
        "default": "false",
        "description": "true to check everything (gateway, login, workflow, variables, node IDs) and show the run requests without starting anything; result is then validated. Not with execution-id.",
        "secret": false
    },
    {
        "name": "wait",
        "variable": "QFLOW_WAIT",
        "default": "true",
        "description": "true to wait for a final status; false to return as soon as the execution has started.",
        "secret": false
    },
    {
        "name": "timeout",
        "variable": "QFLOW_TIMEOUT",
        "default": "1h",
        "description": "Longest wait for a final status, such as 45m, 1h30m, 1h 30m, 30 minutes, 90s or 500ms (a bare number is seconds), counted from the start of the run: no call, retry or throttled wait (the run call's included) goes past it. Reading the steps and their data after a final status may take a minute more, at most. The QFlow execution is not stopped when the wait ends.",
        "secret": false
    },
    {
        "name": "poll-interval",
        "variable": "QFLOW_POLL_INTERVAL",
        "default": "2s",
        "description": "First and shortest pause between two looks at the execution. Around the time the workflow usually ends, looks come 1.25 times this far apart.",
        "secret": false
    },
    {
        "name": "max-poll-interval",
        "variable": "QFLOW_MAX_POLL_INTERVAL",
        "default": "1m",
        "description": "Longest pause between two looks at the execution, the look itself included: the end of the execution is noticed within it, unless the subscription's API budget cannot pay for looking that often (the log and the job summary then say so).",
        "secret": false
    },
    {
        "name": "request-timeout",
        "variable": "QFLOW_REQUEST_TIMEOUT",
        "default": "30s",
        "description": "Longest wait for one answer from the gateway, the whole answer included (a step's input or output may take four times as long), before the call counts as failed.",
        "secret": false
    },
    {
        "name": "step-outputs",
        "variable": "QFLOW_STEP_OUTPUTS",
        "default": "",
        "description": "Node IDs of the steps whose outputs to fetch, separated by commas or newlines, or * for every step.",
        "secret": false
    },
    {
        "name": "step-inputs",
        "variable": "QFLOW_STEP_INPUTS",
        "default": "",
        "description": "Node IDs of the steps whose inputs to fetch, separated by commas or newlines, or * for every step.",
        "secret": false
    },
    {
        "name": "success-statuses",
        "variable": "QFLOW_SUCCESS_STATUSES",
        "default": "Success",
        "description": "Final statuses that count as success, separated by commas or newlines; compared ignoring case, spaces, _ and -.",
        "secret": false
    },
    {
        "name": "failure-statuses",
        "variable": "QFLOW_FAILURE_STATUSES",
        "default": "",
        "description": "Final statuses that count as failure besides the known ones (Failed, Error, Terminated, Timed out, Cancelled, Aborted, Stopped and their spellings).",
        "secret": false
    },
    {
        "name": "output-file",
        "variable": "QFLOW_OUTPUT_FILE",
        "default": "",
        "description": "Where to write the full result as JSON; checked before any call (a missing folder is made). Default: qflow-<execution-id>.json in RUNNER_TEMP, or the system temp folder for the command (with matrix: qflow-<workflow-id>-<process id>.json).",
        "secret": false
    }
];

;// CONCATENATED MODULE: ./src/cli/flag.ts

/** Inputs that only make sense on GitHub: the command has no flag for them. */
const GITHUB_ONLY = ['comment-on-pr', 'github-token'];
/** Inputs that hold a secret (settings/defaults.ts): the command reads them from the environment, and warns when given as a flag. */
const SECRET_INPUTS = SECRET_SETTINGS.filter((name) => !GITHUB_ONLY.includes(name));
/** The environment variable for an input or output: QFLOW_ and the name in capitals. */
function variableOf(name) {
    return `QFLOW_${name.toUpperCase().replace(/-/g, '_')}`;
}

;// CONCATENATED MODULE: ./src/cli/settings-source.ts
/**
 * Where the command's settings come from: a flag (`--workflow-id`) or its environment variable
 * (`QFLOW_WORKFLOW_ID`), a flag winning. Values it writes for later jobs have names of their own
 * (`QFLOW_OUT_EXECUTION_ID`), so a dotenv report handed to a later job never becomes that job's
 * setting: a second `qflow-run` in the pipeline starts its own execution unless told to wait for one.
 */







/** Variables the command reads besides its flags' (debug lines; the simulator's port). */
const OWN_VARIABLES = ['QFLOW_DEBUG', 'QFLOW_SIMULATOR_PORT'];
/** The prefix of every value the command writes for later jobs (`--dotenv`). */
const OUTPUT_PREFIX = 'QFLOW_OUT_';
/** The variable a later job reads an output from: QFLOW_OUT_ and the output's name in capitals. */
function outputVariable(name) {
    return `${OUTPUT_PREFIX}${name.toUpperCase().replace(/-/g, '_')}`;
}
/**
 * Settings whose value may be a file, given as `@path` (`--matrix @accounts.yml`): JSON or YAML that
 * would be awkward on a command line or in a CI variable. Neither starts with `@`, so nothing else is
 * read that way.
 */
const FILE_SETTINGS = [Input.Matrix, Input.RunInput, Input.Variables];
/** A setting's file larger than this is refused: it is a mapping or a list, not data. */
const MAX_SETTING_FILE_BYTES = 1024 * 1024;
/** Where each setting comes from, to name it the way the user gave it. */
class SettingSources {
    env;
    /** The flags given, once the command line is read. */
    flags = new Map();
    /** The text of the settings given as `@path`, once read (see readFiles). */
    files = new Map();
    /** The file each of those came from, named with every message about the setting. */
    fileOf = new Map();
    constructor(env) {
        this.env = env;
    }
    /** The setting's value, trimmed (a file's text for `@path`, once read); '' when neither the flag nor the variable gives one. */
    read(name) {
        return this.files.get(name)?.trim() ?? this.given(name);
    }
    /** The setting as given, trimmed: the flag, else its variable; never a setting of the GitHub Action alone (QFLOW_COMMENT_ON_PR). */
    given(name) {
        if (GITHUB_ONLY.includes(name))
            return '';
        return (this.flags.get(name) ?? this.env[variableOf(name)] ?? '').trim();
    }
    /**
     * An execution ID given but blank (`--execution-id "$QFLOW_OUT_EXECUTION_ID"` when the earlier job's
     * report did not arrive, or its variable set to nothing): without this it would read as not given,
     * and the command would start the workflow again instead of waiting for the execution.
     */
    blankExecutionId() {
        const name = Input.ExecutionId;
        const given = this.flags.get(name) ?? this.env[variableOf(name)];
        if (given === undefined || given.trim() !== '')
            return undefined;
        const what = this.flags.has(name) ? `Flag --${name}` : variableOf(name);
        return `${what} is given but blank (a variable that was not set, such as an earlier job's QFLOW_OUT_EXECUTION_ID?). Expected the UUID of the execution to wait for; leave ${what.replace('Flag ', '')} out to start a new execution.`;
    }
    /** Reads the settings given as `@path`, relative to the working folder; an error names the setting and the file. */
    async readFiles() {
        for (const name of FILE_SETTINGS) {
            const given = this.given(name);
            if (!given.startsWith('@'))
                continue;
            const file = given.slice(1);
            const what = this.names.subject(name);
            if (file === '')
                throw new InputError(`${what} is "@" without a file. Expected @ and the path of a JSON or YAML file, such as @matrix.yml.`);
            try {
                const size = (await (0,promises_namespaceObject.stat)(file)).size;
                if (size > MAX_SETTING_FILE_BYTES) {
                    throw new InputError(`${what} names the file "${file}", of ${size} bytes. Expected a JSON or YAML file of at most 1 MiB.`);
                }
                const text = await (0,promises_namespaceObject.readFile)(file, 'utf8');
                // Read as not given, an empty file would start the workflow without the matrix or the values meant.
                if (text.trim() === '')
                    throw new InputError(`${what} names the file "${file}", which is empty. Expected the setting's JSON or YAML in it.`);
                this.files.set(name, text);
                this.fileOf.set(name, file);
            }
            catch (error) {
                if (error instanceof InputError)
                    throw error;
                const code = error.code;
                const why = code === 'ENOENT'
                    ? 'which does not exist'
                    : code === 'EISDIR'
                        ? 'which is a folder'
                        : `which could not be read (${code ?? messageOf(error)})`;
                throw new InputError(`${what} names the file "${file}", ${why}. Expected @ and the path of a JSON or YAML file, relative to ${process.cwd()}.`);
            }
        }
    }
    /**
     * The setting as the user gave it: `QFLOW_VARIABLES` when only that gives it, else the flag
     * `--variables`; a secret not given as a flag is always its variable, the way to pass one.
     */
    nameOf(name) {
        if (this.flags.has(name))
            return `--${name}`;
        return SECRET_INPUTS.includes(name) || (this.env[variableOf(name)] ?? '').trim() !== '' ? variableOf(name) : `--${name}`;
    }
    /** The command's words for its settings, for every message the engine writes about one. */
    get names() {
        return {
            of: (name) => this.nameOf(name),
            subject: (name) => {
                const shown = this.nameOf(name);
                const file = this.fileOf.get(name);
                return `${shown.startsWith('--') ? `Flag ${shown}` : shown}${file === undefined ? '' : ` (the file ${file})`}`;
            },
            set: (name, value) => `--${name} ${value}`,
            program: 'qflow-run',
            resultPathIn: `in the log (choose it with ${mdCode(this.nameOf(Input.OutputFile))})`,
        };
    }
}
/**
 * A `QFLOW_` variable one or two edits from a setting's (`QFLOW_STEP_OUTPUT`) is a typo that would
 * otherwise be ignored, costing a full run with nothing in it: an error naming the nearest. Others
 * (a pipeline's own `QFLOW_RUN`, an earlier job's `QFLOW_OUT_*`) are left alone.
 */
function misspeltVariable(env) {
    const known = [...FLAGS.map((f) => f.variable), ...OWN_VARIABLES];
    for (const name of Object.keys(env).sort()) {
        if (!name.startsWith('QFLOW_') || name.startsWith(OUTPUT_PREFIX) || known.includes(name))
            continue;
        const suffix = name.slice('QFLOW_'.length);
        // Short names are one edit from many words: one edit only below six letters.
        const near = nearest(suffix, known.map((k) => k.slice('QFLOW_'.length)), suffix.length < 6 ? 1 : 2);
        if (near !== undefined) {
            return `The environment variable ${name} is not a setting of qflow-run. Did you mean QFLOW_${near}? (Other QFLOW_ variables are left alone; qflow-run --help lists its own.)`;
        }
    }
    return undefined;
}
/** An unknown flag, with the nearest known one when it is a likely typo. */
function unknownFlag(name, known) {
    const near = nearest(name, known, name.length < 6 ? 1 : 2);
    return `Unknown flag --${name}.${near ? ` Did you mean --${near}?` : ''}`;
}

;// CONCATENATED MODULE: ./src/cli/publish.ts
/**
 * Where the command puts the result for the CI that runs it: a dotenv report (`--dotenv`) for later jobs,
 * the summary as Markdown (`--summary`), the result as JSON on stdout (`--json`). Each place is checked
 * before any call, and each is written on its own: one that fails never costs another its content, the
 * dotenv with the execution ID above all, which is written as soon as the execution has started.
 */






/** The one-line outputs a dotenv report carries, most needed first. */
const DOTENV_OUTPUTS = [
    Output.ExecutionId,
    Output.Result,
    Output.Status,
    Output.StartedAt,
    Output.EndedAt,
    Output.DurationSeconds,
    Output.OutputFile,
    Output.ApiCalls,
];
/** GitLab refuses a dotenv report of 5 KB or more (its default): the report stays below this. */
const MAX_DOTENV_BYTES = 4096;
/** The dotenv line that names the values left out for size. */
const LEFT_OUT = 'QFLOW_OUT_LEFT_OUT';
/** --json prints step data only while the result file is at most this large. */
const MAX_JSON_BYTES = 16 * 1024 * 1024;
/** The dotenv report: KEY=VALUE lines, values on one line; what does not fit is left out, and named. */
function dotenvText(values) {
    const entries = DOTENV_OUTPUTS.map((name) => [outputVariable(name), oneLine(values.get(name) ?? '')]);
    const leftOut = [];
    // Room kept for the line that names what was left out, at its longest.
    const reserve = Buffer.byteLength(`${LEFT_OUT}=${entries.map(([k]) => k).join(',')}\n`);
    const size = () => Buffer.byteLength(entries.map(([k, v]) => `${k}=${v}\n`).join('')) + reserve;
    // The longest values go first (a matrix's comma-separated execution IDs): the result file has them all.
    while (size() >= MAX_DOTENV_BYTES) {
        const longest = entries.reduce((a, b) => (Buffer.byteLength(b[1]) > Buffer.byteLength(a[1]) ? b : a));
        if (longest[1] === '')
            break;
        leftOut.push(longest[0]);
        longest[1] = '';
    }
    if (leftOut.length > 0)
        entries.push([LEFT_OUT, leftOut.join(',')]);
    return { text: entries.map(([k, v]) => `${k}=${v}\n`).join(''), leftOut };
}
/**
 * A dotenv value GitLab reads as it is (KEY=VALUE up to the end of the line) and a shell may source
 * (Jenkins and Azure users do): a gateway's status such as `Running;touch x` or `a b` must not become a
 * command, so every character but letters, digits and `_ . , : / @ + = -` becomes `_`.
 */
function oneLine(value) {
    return value.replace(/[^A-Za-z0-9_.,:/@+=-]/g, '_');
}
/** Writes each sink asked for, each on its own; returns the warnings for those that could not be written. */
async function publish(report, sinks, summary, stdout, redactor) {
    const warnings = [];
    const { values } = await buildOutputs(report, redactor);
    const attempt = async (what, write) => {
        try {
            await write();
        }
        catch (error) {
            warnings.push(`Could not write ${what}: ${messageOf(error)}`);
        }
    };
    if (sinks.dotenv !== undefined) {
        const file = sinks.dotenv;
        await attempt(`the dotenv report ${file}`, async () => {
            const { text, leftOut } = dotenvText(values);
            await (0,promises_namespaceObject.writeFile)(file, text);
            if (leftOut.length > 0) {
                warnings.push(`${leftOut.join(', ')} ${leftOut.length === 1 ? 'is' : 'are'} left out of the dotenv report, which GitLab refuses at 5 KB; the result file (${outputVariable(Output.OutputFile)}, or --output-file) has ${leftOut.length === 1 ? 'it' : 'them'}.`);
            }
        });
    }
    if (sinks.summary !== undefined) {
        const file = sinks.summary;
        await attempt(`the summary ${file}`, () => (0,promises_namespaceObject.writeFile)(file, summary()));
    }
    if (sinks.json) {
        await attempt('the result to stdout', async () => {
            const file = report.outputFile;
            if (file !== undefined && (await (0,promises_namespaceObject.stat)(file)).size <= MAX_JSON_BYTES) {
                stdout(`${(await (0,promises_namespaceObject.readFile)(file, 'utf8')).trimEnd()}\n`);
            }
            else {
                // Too large to print whole (or nothing started): the same document without step data, which the file has in full.
                if (file !== undefined)
                    warnings.push(`The result file is larger than 16 MiB; --json leaves the step data out. It is complete in ${file}.`);
                stdout(`${JSON.stringify(redactor.value(resultFields(report)), null, 2)}\n`);
            }
        });
    }
    return { warnings, values };
}
/** The dotenv report as soon as executions have started: a job killed during the wait still hands their IDs on. */
async function writeStartedDotenv(file, executionIds) {
    const values = new Map([
        [Output.ExecutionId, executionIds.join(',')],
        [Output.Result, 'started'],
    ]);
    await (0,promises_namespaceObject.writeFile)(file, dotenvText(values).text);
}

;// CONCATENATED MODULE: ./src/qflow/retry.ts
/** Statuses of a gateway that failed to answer, worth another try of a call that starts nothing. */
const RETRYABLE_STATUSES = new Set([500, 502, 503, 504]);
/** Throttled answers waited out for one call, whatever the server asks, so a stuck limiter cannot hold us forever. */
const MAX_THROTTLE_WAITS = 20;
/**
 * A throttled call waits what the gateway asked and a spread on top, drawn at random: the callers a
 * full window held back would otherwise all come back at the instant it reopens, and all but the first
 * few be throttled again. The spread is a quarter of the wait asked, and at least the pace at which the
 * window gives calls back (one call's worth), so even a short wait spreads the callers over some calls.
 */
function throttleSpread(askedMs, windowMs, limit, random) {
    const pace = windowMs !== undefined && limit !== undefined && limit > 0 ? windowMs / limit : 0;
    return Math.round(random * Math.max(0.25 * askedMs, pace));
}
/**
 * A call the rate limit holds back again spreads its return over twice as long each time, up to this
 * many doublings (64×: about 13 minutes at 300 calls an hour). The wait the gateway asks is when the
 * window gives a call back, not that this caller will get it: beside a client that spends as fast as
 * the window gives back (a steady script, another tool), every call given back is taken at once, and
 * a step list asked for again at each reopening was held back 20 times in 12 minutes.
 */
const MAX_THROTTLE_DOUBLINGS = 6;
/** How many times the rounds of the running calls a held-back call's spread covers (see crowdSpread). */
const CROWD_ROUNDS = 3;
/**
 * A call held back by the gateway's concurrency limit waits, on top of its backoff, a spread drawn at
 * random over the time the calls running then need to get through the slots the limit allows, each
 * taking about as long as this call's answer took: callers held back together (the jobs of a matrix
 * starting at once) then come back one after another instead of into the same full slots again. The
 * spread covers CROWD_ROUNDS times the rounds the running calls need: callers drawn over just those
 * rounds would fill the slots on average, and half of them meet a full gateway again.
 */
function crowdSpread(running, limit, callMs, random) {
    if (running === undefined || limit === undefined || limit <= 0)
        return 0;
    return Math.round(random * CROWD_ROUNDS * Math.max(0, callMs) * Math.max(1, running / limit));
}
/** The crowd memory widens a spread at most this much (32×): a long storm must not push a call past the timeout. */
const MAX_CROWD_DOUBLINGS = 5;
/**
 * How crowded the gateway's concurrency limit has lately been for this client, across its calls: one
 * more for each call held back at it, one less for each call let through. A call held back spreads
 * its return over this many doublings of the time the running calls need (see crowdSpread): on a
 * gateway full for seconds (50 jobs starting together, answers of 200 ms, 2 calls at once), every
 * call of a job otherwise came back as soon as the first, and the calls sent again filled the slots
 * themselves (14 answers held back a job). Counted in answer times, not seconds, it grows as fast
 * on a gateway that answers in 20 ms as on one that answers in 200.
 */
class CrowdMemory {
    held = 0;
    get level() {
        return this.held;
    }
    /** Told of every answer: held back at the concurrency limit, or let through. */
    answered(admission) {
        if (admission === 'too-many-running')
            this.held++;
        else if (admission === 'admitted')
            this.held = Math.max(0, this.held - 1);
    }
}
const DEFAULT_RETRY_POLICY = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 20_000 };
/** Full jitter: a pause drawn uniformly from [0, min(cap, base * 2^(retry-1))]. `retry` counts from 1. */
function backoffDelay(retry, policy, random = Math.random) {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
    return Math.floor(random() * ceiling);
}
/**
 * Retry tokens shared by every call of one run: a retry takes some, a call that succeeds first time
 * gives one back. When a gateway keeps failing the budget runs dry and calls fail fast.
 */
class RetryBudget {
    capacity;
    retryCost;
    timeoutCost;
    tokens;
    constructor(capacity = 100, retryCost = 5, timeoutCost = 10) {
        this.capacity = capacity;
        this.retryCost = retryCost;
        this.timeoutCost = timeoutCost;
        this.tokens = capacity;
    }
    /** Takes the cost of one retry; false when the budget cannot pay for it. */
    take(afterTimeout) {
        const cost = afterTimeout ? this.timeoutCost : this.retryCost;
        if (this.tokens < cost)
            return false;
        this.tokens -= cost;
        return true;
    }
    refund() {
        this.tokens = Math.min(this.capacity, this.tokens + 1);
    }
}
/**
 * A call the gateway held back: by its limits, or a 503 that says when to come back. It was not acted
 * on, so it is safe to repeat, even a run; it waits what the gateway asked (else a backoff) and a
 * spread on top, so callers held back together come back apart (by the rate limit, twice as wide each
 * time the same call is held back again, see MAX_THROTTLE_DOUBLINGS). Undefined for an answer let through.
 */
function holdOf(status, limits, callMs, tries, policy, random, crowdLevel = 0) {
    if (limits.admitted === 'admitted' && !(status === 503 && limits.askedMs !== undefined))
        return undefined;
    const { said } = limits;
    const throttled = limits.admitted === 'rate-limited' && limits.askedMs !== undefined;
    // The spread drawn at `r` of its range: r = 1 gives the widest, which the timeout must have room for.
    const spreadAt = (r) => throttled
        ? throttleSpread(limits.askedMs ?? 0, said.windowSec !== undefined ? said.windowSec * 1000 : undefined, said.limit, r) *
            2 ** Math.min(tries.throttledWaits, MAX_THROTTLE_DOUBLINGS)
        : limits.admitted === 'too-many-running'
            ? crowdSpread(said.concurrencyRunning, said.concurrencyLimit, callMs, r) * 2 ** Math.min(crowdLevel, MAX_CROWD_DOUBLINGS)
            : 0;
    const spread = throttled || limits.admitted === 'too-many-running' ? spreadAt(random()) : 0;
    return { ms: (limits.askedMs ?? backoffDelay(tries.throttledWaits + 1, policy, random)) + spread, spread, widest: spreadAt(1) };
}
/**
 * A hold cut to end before the timeout, `msLeft` away, when the wait the gateway asked does not but
 * its spread, at its widest, would leave no room for another try: the call is then tried once more at
 * the last moment that leaves `answerMs` for its answer, instead of the job giving up on a wait it need
 * not make. The last moment, not a point drawn or set between: the jobs of a fleet the window held back
 * together have timeouts as far apart as their starts, so at their last moments they come back one
 * after another, each when the window has given back the calls the fleet spent before it started. Cut
 * to half the time left, 14 of 80 came back within 4 s into a window that had given back a few calls,
 * and 13 were held back again; a job whose drawn spread happened to fit came back early, took the one
 * call given back for its look, and its step list was held back three times. A hold whose asked wait
 * alone goes past the timeout stays as it is, and so does one of a call already tried at its last
 * moment: held back there, it is not tried a third time a second before the timeout, it stops and says why.
 */
function beforeDeadline(hold, msLeft, answerMs, tries) {
    if (hold === undefined || tries.lastTried)
        return hold;
    const room = msLeft - (hold.ms - hold.spread);
    if (room < 0 || (hold.widest ?? hold.spread) <= room / 2)
        return hold;
    const spread = Math.max(0, Math.floor(room - answerMs));
    return { ms: hold.ms - hold.spread + spread, spread, lastTry: true };
}
/**
 * After an answer: a success is done; a rejected token is renewed once (`renew` drops it, true when a
 * fresh one can be had); a call held back is waited out, up to MAX_THROTTLE_WAITS times; a gateway's
 * failure is retried for a call that starts nothing, while the attempts and the shared budget allow;
 * anything else fails. Counts the try in `tries`.
 */
function nextMove(status, hold, call, tries, rules) {
    if (status >= 200 && status < 300) {
        if (tries.attempt === 1)
            rules.retries.refund();
        return { kind: 'done' };
    }
    if (status === 401 && call.withToken && !tries.renewed && rules.renew()) {
        tries.renewed = true;
        return { kind: 'renew-token' };
    }
    if (hold) {
        if (hold.lastTry)
            tries.lastTried = true;
        return ++tries.throttledWaits > MAX_THROTTLE_WAITS ? { kind: 'fail' } : { kind: 'wait-out', ...hold };
    }
    if (!call.unsafe && RETRYABLE_STATUSES.has(status) && tries.attempt < rules.policy.maxAttempts && rules.retries.take(false)) {
        return { kind: 'retry', ms: backoffDelay(tries.attempt, rules.policy, rules.random) };
    }
    return { kind: 'fail' };
}
/**
 * After a try that got no answer, not cancelled: a run call that reached the gateway may have been
 * acted on, so its outcome is unknown and it is never repeated; any other call is retried after a
 * backoff while the attempts and the shared budget allow (a timeout costs more of it); else it fails.
 */
function afterNoAnswer(failure, call, tries, rules) {
    if (call.unsafe && failure.connected)
        return { kind: 'outcome-unknown' };
    if (tries.attempt < rules.policy.maxAttempts && rules.retries.take(failure.timedOut)) {
        return { kind: 'retry', ms: backoffDelay(tries.attempt, rules.policy, rules.random) };
    }
    return { kind: 'fail' };
}

;// CONCATENATED MODULE: ./src/qflow/http-wording.ts





const EXCERPT_CHARS = 300;
const GENERAL_HINTS = {
    403: "The Qualys user lacks a permission QFlow needs: the role needs 'API Access', an OAuth client needs 'Qualys Flow Access', and the user needs EXECUTE on the workflow to run it and READ or LIST to follow its executions.",
};
/**
 * The error for an answer that ends the call: `rejectedHint` says what a 401 means for the
 * credentials in use, `heldBack` that the gateway held the call back (worth a later look).
 */
function httpError(request, answer, rejectedHint, heldBack) {
    const { status, body } = answer;
    const hint = request.hints?.[status] ??
        (status === 401 && request.endpoint !== undefined ? rejectedHint : undefined) ??
        GENERAL_HINTS[status] ??
        (status === 400 ? 'QFlow rejected the request as malformed.' : '');
    const said = serverMessage(body);
    const shown = said ? `QFlow says: ${said}` : body.trim() !== '' ? `Its answer began: ${excerpt(body)}` : '';
    return new QFlowApiError([`Could not ${request.purpose}: QFlow answered HTTP ${status}.`, hint, shown].filter(Boolean).join(' '), status, heldBack || RETRYABLE_STATUSES.has(status));
}
function describeNetworkError(error, url, names) {
    const code = error.code;
    const known = {
        ECONNREFUSED: `the connection to ${url.host} was refused`,
        ECONNRESET: 'the connection was reset',
        ENOTFOUND: `the gateway host name ${url.hostname} could not be resolved (check ${names.of(Input.GatewayUrl)} or ${names.of(Input.Platform)})`,
        EAI_AGAIN: `the gateway host name ${url.hostname} could not be resolved (temporary DNS failure)`,
        EPIPE: 'the connection was closed while sending',
    };
    if (code === 'ETIMEDOUT' || code === 'ETOOLARGE')
        return error.message;
    if (code && known[code])
        return `${known[code]} (${code})`;
    return code ? `${error.message} (${code})` : error.message;
}
/** The server's own words from an error body: `message`, `errors[0].message` or `error`. */
function serverMessage(body) {
    try {
        const parsed = JSON.parse(body);
        const errors = parsed.errors;
        const candidates = [
            parsed.message,
            Array.isArray(errors) ? (errors[0]?.message ?? errors[0]) : undefined,
            parsed.error,
            parsed.errorMessage,
        ];
        const found = candidates.find((c) => typeof c === 'string' && c.trim() !== '');
        return found === undefined ? undefined : excerpt(found);
    }
    catch {
        return undefined;
    }
}
/**
 * At most a few hundred characters of a server's answer, on one line, without control characters,
 * anything like a JWT removed. (Every sink also scrubs it: see redact.ts.)
 */
function excerpt(text) {
    return plainText(text.replace(/\s+/g, ' ').replace(JWT, '[redacted JWT]'), EXCERPT_CHARS + 3);
}

;// CONCATENATED MODULE: ./src/qflow/limits.ts
function admissionOf(status, said, retryAfter) {
    if (status !== 409 && status !== 429)
        return 'admitted';
    const rateLimited = said.remaining === 0 || (said.toWaitSec ?? 0) > 0 || retryAfter;
    // The docs count the blocked call among those running; a gateway that counts it out says the limit itself.
    const overConcurrency = said.concurrencyRunning !== undefined && said.concurrencyLimit !== undefined && said.concurrencyRunning >= said.concurrencyLimit;
    if (overConcurrency && !rateLimited)
        return 'too-many-running';
    return rateLimited || status === 429 ? 'rate-limited' : 'admitted';
}
function readLimits(status, headers, now) {
    const said = readBudgetHeaders(headers);
    const retryAfter = header(headers, 'retry-after')?.trim();
    return { said, admitted: admissionOf(status, said, retryAfter !== undefined), askedMs: askedWaitMs(said, retryAfter, now) };
}
function readBudgetHeaders(headers) {
    return {
        limit: numberHeader(headers, 'x-ratelimit-limit'),
        windowSec: numberHeader(headers, 'x-ratelimit-window-sec'),
        remaining: numberHeader(headers, 'x-ratelimit-remaining'),
        toWaitSec: numberHeader(headers, 'x-ratelimit-towait-sec'),
        concurrencyLimit: numberHeader(headers, 'x-concurrency-limit-limit'),
        concurrencyRunning: numberHeader(headers, 'x-concurrency-limit-running'),
    };
}
/**
 * How long the server asked us to wait, in milliseconds: `X-RateLimit-ToWait-Sec` (Qualys), else
 * `Retry-After` in seconds or as an HTTP date.
 */
function askedWaitMs(said, retryAfter, now) {
    // 0 means not blocked by the rate limit (a call over the concurrency limit): no wait was asked.
    if (said.toWaitSec !== undefined && said.toWaitSec > 0)
        return said.toWaitSec * 1000;
    if (retryAfter === undefined || retryAfter === '')
        return undefined;
    if (/^\d+$/.test(retryAfter))
        return Number(retryAfter) * 1000;
    const date = Date.parse(retryAfter);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
function header(headers, name) {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
}
function numberHeader(headers, name) {
    const text = header(headers, name)?.trim();
    return text !== undefined && /^\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
}

;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
var external_node_http_default = /*#__PURE__*/__nccwpck_require__.n(external_node_http_namespaceObject);
;// CONCATENATED MODULE: external "node:https"
const external_node_https_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");
var external_node_https_default = /*#__PURE__*/__nccwpck_require__.n(external_node_https_namespaceObject);
;// CONCATENATED MODULE: ./src/qflow/transport.ts
/**
 * One try of one HTTP call: the connection (direct with keep-alive, or the front-end's proxy), the
 * request timeout and the deadline for the whole answer, cancellation, and the answer read whole or
 * streamed to a sink, within its size. What to make of the answer is http.ts's.
 */





/** An answer kept in memory larger than this is refused; step data goes to a sink instead. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;
/**
 * `request-timeout` bounds each answer whole, not only the silences in it: a gateway or proxy that
 * trickles a byte now and then never trips an idle timer. An answer streamed to a sink (step data,
 * possibly tens of megabytes) may take this many times as long.
 */
const SINK_TIME_FACTOR = 4;
/** How long a kept-alive connection may sit idle before it is closed on our side. */
const IDLE_SOCKET_MS = 4000;
const USER_AGENT = 'qflow-run-action';
class Transport {
    options;
    agents = new Map();
    constructor(options) {
        this.options = options;
    }
    async agentFor(url, unsafe) {
        // A call that starts something gets a connection of its own: on a reused keep-alive connection
        // that the server has just closed, a reset would leave it unknown whether QFlow acted.
        const key = `${unsafe ? 'fresh' : 'shared'} ${url.origin}`;
        if (!this.agents.has(key))
            this.agents.set(key, (await this.options.agent?.(url, !unsafe)) ?? directAgent(url, !unsafe));
        return this.agents.get(key);
    }
    /** Sends `request` once, with the bearer `token` if given; never throws. */
    async exchange(request, url, token) {
        const agent = await this.agentFor(url, request.unsafe === true);
        const { signal, clock } = this.options;
        // Each try of a call with a deadline gets no more than the time left until it: no call goes past the timeout.
        const timeLeft = (ms) => (request.deadline === undefined ? ms : Math.max(1, Math.min(ms, request.deadline - clock.now())));
        const requestTimeoutMs = timeLeft(this.options.requestTimeoutMs);
        const answerTimeoutMs = timeLeft(this.options.requestTimeoutMs * (request.sink ? SINK_TIME_FACTOR : 1));
        const headers = { Accept: 'application/json', 'User-Agent': USER_AGENT, ...request.headers };
        if (token !== undefined)
            headers.Authorization = `Bearer ${token}`;
        if (request.body !== undefined)
            headers['Content-Length'] = String(Buffer.byteLength(request.body));
        return new Promise((resolve) => {
            let connected = false;
            let timedOut = false;
            let settled = false;
            const outgoing = (url.protocol === 'https:' ? (external_node_https_default()) : (external_node_http_default())).request(url, { method: request.method, headers, agent });
            const settle = (exchange) => {
                if (settled)
                    return;
                settled = true;
                clearTimeout(wholeAnswer);
                signal.removeEventListener('abort', onAbort);
                resolve(exchange);
            };
            const fail = (error) => settle({ kind: 'failed', error, connected, timedOut });
            const onAbort = () => outgoing.destroy(abortReason(signal));
            signal.addEventListener('abort', onAbort, { once: true });
            // "Connected" marks the point after which QFlow may have received the request.
            outgoing.on('socket', (socket) => {
                if (!socket.connecting)
                    connected = true;
                else
                    socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () => (connected = true));
            });
            // An idle timeout: it covers connecting and waiting for the answer, and a body that stops arriving.
            outgoing.setTimeout(requestTimeoutMs, () => {
                timedOut = true;
                outgoing.destroy(Object.assign(new Error(`no answer within ${humanDuration(requestTimeoutMs)}`), { code: 'ETIMEDOUT' }));
            });
            // And a deadline for the whole answer, so one that trickles in cannot hold the run.
            let answering = false;
            const wholeAnswer = setTimeout(() => {
                timedOut = true;
                const what = answering ? 'the answer did not arrive whole' : 'no answer';
                outgoing.destroy(Object.assign(new Error(`${what} within ${humanDuration(answerTimeoutMs)}`), { code: 'ETIMEDOUT' }));
            }, answerTimeoutMs);
            outgoing.on('error', fail);
            outgoing.on('response', (incoming) => {
                answering = true;
                receive(incoming, outgoing, request).then(settle, fail);
            });
            outgoing.end(request.body);
        });
    }
}
/**
 * Reads an answer: a success for a sink streamed to it, within its size; anything else kept in memory,
 * within MAX_BODY_BYTES. An answer too large ends the request (and with it the try).
 */
function receive(incoming, outgoing, request) {
    const status = incoming.statusCode ?? 0;
    const tooLarge = (most) => outgoing.destroy(Object.assign(new Error(`the answer is larger than ${describeBytes(most)}, the most taken`), { code: 'ETOOLARGE' }));
    let bytes = 0;
    if (status >= 200 && status < 300 && request.sink) {
        const most = request.maxSinkBytes ?? Infinity;
        incoming.on('data', (chunk) => {
            bytes += chunk.length;
            if (bytes > most)
                tooLarge(most);
        });
        return (0,external_node_stream_promises_namespaceObject.pipeline)(incoming, request.sink()).then(() => ({ kind: 'answer', status, headers: incoming.headers, body: '', bytes }));
    }
    return new Promise((resolve, reject) => {
        const chunks = [];
        incoming.on('data', (chunk) => {
            bytes += chunk.length;
            if (bytes > MAX_BODY_BYTES)
                tooLarge(MAX_BODY_BYTES);
            else
                chunks.push(chunk);
        });
        incoming.on('end', () => resolve({ kind: 'answer', status, headers: incoming.headers, body: Buffer.concat(chunks).toString('utf8'), bytes }));
        incoming.on('error', reject);
    });
}
/**
 * Keep-alive saves a TLS handshake per poll. An idle connection is dropped after 4 s, before a
 * server's keep-alive timeout (often 5 s) can close it under a request that is just being sent: that
 * race would cost a retry.
 */
function directAgent(url, keepAlive) {
    const options = { keepAlive, maxSockets: 8, timeout: IDLE_SOCKET_MS };
    return url.protocol === 'https:' ? new (external_node_https_default()).Agent(options) : new (external_node_http_default()).Agent(options);
}
function describeBytes(bytes) {
    return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MiB` : `${bytes} bytes`;
}

;// CONCATENATED MODULE: ./src/qflow/http.ts








/** The least time a try is given for its answer before the deadline (see endsTooLate). */
const ANSWER_ROOM_MS = 1000;
class ApiHttp {
    options;
    /** QFlow API requests sent (login calls excluded: the gateway does not count them). */
    apiCalls = 0;
    /** Of them, those the gateway held back (by its rate or its concurrency limit), each sent again or given up. */
    heldBack = 0;
    crowd = new CrowdMemory();
    budget;
    tokens;
    policy;
    retries = new RetryBudget();
    random;
    transport;
    /** QFlow calls in flight: no more than the gateway allows at once (its latest word, else 2). */
    slots;
    constructor(options) {
        this.options = options;
        // Every call in flight listens for the cancellation: hundreds of step outputs are no leak.
        (0,external_node_events_namespaceObject.setMaxListeners)(0, options.signal);
        this.policy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
        this.random = options.random ?? Math.random;
        this.budget = options.budget;
        this.transport = new Transport(options);
        this.slots = new Slots(() => this.budget.maxConcurrent);
        this.tokens = options.tokens(this);
    }
    /** Sends a call, trying again where that is safe and worth it; the answer of a success, else an error that says why. */
    async send(request) {
        const url = this.url(request);
        const tries = { attempt: 0, renewed: false, throttledWaits: 0 };
        for (;;) {
            const { signal } = this.options;
            if (signal.aborted)
                throw abortReason(signal);
            tries.attempt++;
            const { exchange, started } = await this.tryOnce(request, url);
            if (exchange.kind === 'failed') {
                await this.afterFailure(request, url, exchange, tries, started);
                continue;
            }
            const answer = await this.afterAnswer(request, url, exchange, tries, started);
            if (answer)
                return answer;
        }
    }
    /**
     * One try: the budget's wait and the token for a QFlow call, a slot among the calls in flight, the
     * exchange, counted; `started` when it went out, for the debug log.
     */
    async tryOnce(request, url) {
        const { endpoint } = request;
        const { clock } = this.options;
        if (endpoint === undefined) {
            const started = clock.now();
            return { exchange: await this.transport.exchange(request, url, undefined), started };
        }
        await this.waitForBudget(request, endpoint);
        const token = await this.tokens.get(this.options.signal, request.deadline);
        let started = clock.now();
        const exchange = await this.slots.run(() => {
            started = clock.now();
            return this.transport.exchange(request, url, token);
        });
        if (exchange.kind === 'answer' || exchange.connected)
            this.apiCalls++;
        return { exchange, started };
    }
    /** A try that got no answer: tried again after a pause when the rules allow (see afterNoAnswer); else it throws. */
    async afterFailure(request, url, failure, tries, started) {
        const { signal, clock, log } = this.options;
        if (signal.aborted) {
            // Cancelled with the run call already at the gateway: QFlow may have acted on it.
            if (request.unsafe && failure.connected)
                throw new RunCancelledError(`The job was cancelled while the request to ${request.purpose} was on its way.`);
            throw abortReason(signal);
        }
        const what = describeNetworkError(failure.error, url, this.options.names);
        if (failure.error.code === 'ETOOLARGE')
            throw new QFlowApiError(`Could not ${request.purpose}: ${what}.`);
        log.debug(`${request.method} ${shown(url)} failed after ${humanDuration(clock.now() - started)}: ${what}`);
        const move = afterNoAnswer(failure, this.callKind(request), tries, this.rules());
        if (move.kind === 'outcome-unknown') {
            throw new RunOutcomeUnknownError(`The request to ${request.purpose} reached the gateway but its answer was lost (${what}).`);
        }
        if (move.kind === 'fail') {
            throw new NetworkError(`Could not ${request.purpose}: ${what} (${tries.attempt} attempt${tries.attempt === 1 ? '' : 's'}).`);
        }
        await this.pause(move.ms, request, what);
    }
    /**
     * An answer, its limits told to the budget, then what the rules say (see nextMove): a success is
     * returned; a rejected token renewed, a call held back waited out or a server error retried give
     * undefined (try again); anything else throws.
     */
    async afterAnswer(request, url, answer, tries, started) {
        const { clock, log } = this.options;
        log.debug(`${request.method} ${shown(url)} -> HTTP ${answer.status} in ${humanDuration(clock.now() - started)}`);
        const { status } = answer;
        const limits = readLimits(status, answer.headers, clock.now());
        const msLeft = request.deadline === undefined ? Infinity : request.deadline - clock.now();
        const hold = beforeDeadline(holdOf(status, limits, clock.now() - started, tries, this.policy, this.random, this.crowd.level), msLeft, 2 * answerRoom(msLeft), tries);
        this.crowd.answered(limits.admitted);
        if (request.endpoint !== undefined)
            this.budget.record(request.endpoint, limits.said, limits.admitted, hold?.ms ?? 0);
        const move = nextMove(status, hold, this.callKind(request), tries, { ...this.rules(), renew: () => this.tokens.renew() });
        switch (move.kind) {
            case 'done':
                return answer;
            case 'renew-token':
                // The JWT expired mid-wait: get a new one and repeat the call once.
                log.info('The QFlow token was rejected (HTTP 401); logging in again.');
                return undefined;
            case 'wait-out':
                this.heldBack++;
                await this.waitOut(request, status, limits, move, tries.throttledWaits);
                return undefined;
            case 'retry':
                await this.pause(move.ms, request, `HTTP ${status}`);
                return undefined;
            case 'fail':
                throw httpError(request, answer, this.tokens.rejectedHint, hold !== undefined);
        }
    }
    callKind(request) {
        return { unsafe: request.unsafe, withToken: request.endpoint !== undefined };
    }
    rules() {
        return { policy: this.policy, retries: this.retries, random: this.random };
    }
    /**
     * Waits out a call the gateway held back (`timesHeld` times, this one counted), saying why (at debug
     * level for the routine concurrency limit).
     */
    async waitOut(request, status, limits, held, timesHeld) {
        const { ms: wait, spread } = held;
        const reason = status === 503
            ? 'QFlow is unavailable (HTTP 503)'
            : limits.admitted === 'too-many-running'
                ? `the gateway allows fewer calls at once than were running (HTTP ${status})`
                : `QFlow is throttling API calls: the subscription's API rate limit is reached (HTTP ${status})`;
        const more = held.lastTry
            ? `${spread > 0 ? `, and ${humanDuration(spread)} more,` : ','} to try once more just before the timeout`
            : spread <= 0
                ? ''
                : limits.admitted === 'rate-limited' && timesHeld > 1
                    ? `, and ${humanDuration(spread)} more: held back ${timesHeld} times, the calls the window gave back went to other callers`
                    : `, and ${humanDuration(spread)} more so callers held back together come back apart`;
        const message = `${reason}; waiting ${humanDuration(wait - spread)}${limits.askedMs !== undefined ? ' as the gateway asked' : ''}${more}.`;
        const pastDeadline = this.endsTooLate(request, wait);
        // Running into the concurrency limit is routine when other jobs share the subscription; a wait
        // past the timeout is not made, and the caller says so.
        if (limits.admitted === 'too-many-running' || pastDeadline)
            this.options.log.debug(message);
        else
            this.options.log.info(message);
        await this.pause(wait, request, undefined, wait - spread, limits.admitted === 'rate-limited');
    }
    /** Holds a QFlow call back until the gateway's last throttled answer allows it. */
    async waitForBudget(request, endpoint) {
        const { clock, signal, log } = this.options;
        const wait = this.budget.notBefore(endpoint) - clock.now();
        if (wait <= 0)
            return;
        if (this.endsTooLate(request, wait)) {
            throw new DeadlineError(`Could not ${request.purpose}: the subscription's API rate limit is reached and the gateway asked for no calls for ${humanDuration(wait)}${this.leftBefore(request, wait)}.`, wait);
        }
        log.debug(`Waiting ${humanDuration(wait)} to ${request.purpose}: the gateway asked for no calls before then.`);
        await clock.sleep(wait, signal);
    }
    /** Sends a call and reads its answer as JSON. */
    async json(request) {
        const response = await this.send(request);
        try {
            return JSON.parse(response.body);
        }
        catch {
            throw new QFlowApiError(`Could not ${request.purpose}: QFlow answered HTTP ${response.status} with something that is not JSON: ${excerpt(response.body) || '(empty)'}`, response.status);
        }
    }
    /**
     * Waits `ms` before a retry; `askedMs` is set for a call held back: what the gateway asked of it,
     * `rateLimited` when by the rate limit (the budget is spent until then).
     */
    async pause(ms, request, note, askedMs, rateLimited = false) {
        const { clock, signal, log } = this.options;
        if (this.endsTooLate(request, ms)) {
            // Out of time for the wait: the caller reports the timeout, with the cause.
            const why = askedMs === undefined
                ? `${note ?? 'it failed'}, and a retry would have to wait ${humanDuration(ms)}`
                : rateLimited
                    ? `the gateway held it back (the subscription's API rate limit) and asked to wait ${humanDuration(askedMs)}`
                    : `the gateway held it back and a retry would have to wait ${humanDuration(ms)}`;
            throw new DeadlineError(`Could not ${request.purpose}: ${why}${this.leftBefore(request, ms)}.`, rateLimited ? askedMs : undefined);
        }
        if (note)
            log.debug(`${note}; retrying in ${humanDuration(ms)}.`);
        await clock.sleep(ms, signal);
    }
    /**
     * A wait of `ms` before a try leaves it too little time for an answer before the deadline: less than
     * ANSWER_ROOM_MS (a tenth of the time left, when that is less). Such a try would fail for want of
     * time and hide why the time ran out: a job the rate limit held back until a millisecond before its
     * timeout said "no answer within 1ms" where the budget was the cause.
     */
    endsTooLate(request, ms) {
        if (request.deadline === undefined)
            return false;
        const left = request.deadline - this.options.clock.now();
        return ms + answerRoom(left) > left;
    }
    /** Why a wait of `ms` is not made (see whyNotWaited). */
    leftBefore(request, ms) {
        return whyNotWaited(ms, (request.deadline ?? Infinity) - this.options.clock.now(), 'a try');
    }
    url(request) {
        const url = new URL(this.options.baseUrl + request.path);
        for (const [name, value] of Object.entries(request.query ?? {})) {
            if (value !== undefined)
                url.searchParams.set(name, String(value));
        }
        return url;
    }
}
/** The time a try needs for its answer with `msLeft` to the deadline: ANSWER_ROOM_MS, or a tenth of the time left when that is less. */
function answerRoom(msLeft) {
    return Math.min(ANSWER_ROOM_MS, Math.max(0, msLeft) / 10);
}
/** The path and query of a call, as the debug log shows it. */
function shown(url) {
    return decodeURIComponent(`${url.pathname}${url.search}`);
}



;// CONCATENATED MODULE: ./src/qflow/budget.ts
/** Calls in flight until the gateway says how many it allows: the value in the Qualys examples. */
const DEFAULT_CONCURRENCY = 2;
/**
 * The estimate of other clients' pace follows their spending over about this share of the rate-limit
 * window (a minute of an hour): long enough to smooth a burst of run calls, short enough to see a
 * fleet that has finished.
 */
const PACE_MEMORY = 1 / 60;
/**
 * A pace seen over less than this share of the pace memory says little: two calls of one job a moment
 * apart (a look and the history read after it) would take a burst of the fleet's start-up for a pace
 * that goes on. Such a stretch counts as this long.
 */
const SHORTEST_PACE_SPAN = 0.1;
class ApiBudget {
    clock;
    endpoints = new Map();
    concurrencyLimit;
    /** Answers the rate limit held back, every endpoint's: a wait can tell that one of its looks was held. */
    rateLimited = 0;
    constructor(clock) {
        this.clock = clock;
    }
    /**
     * One answer of the gateway. A call held back by the rate limit did not count; `blockedForMs` says
     * how long the gateway asked to wait. A call held back by the concurrency limit says nothing about
     * the rate budget.
     */
    record(endpoint, said, admitted, blockedForMs = 0) {
        const now = this.clock.now();
        if (said.concurrencyLimit !== undefined && said.concurrencyLimit >= 1)
            this.concurrencyLimit = Math.floor(said.concurrencyLimit);
        if (admitted === 'too-many-running')
            return;
        const state = this.state(endpoint);
        if (said.limit !== undefined)
            state.limit = said.limit;
        if (said.windowSec !== undefined && said.windowSec > 0)
            state.windowMs = said.windowSec * 1000;
        if (admitted === 'rate-limited') {
            this.rateLimited++;
            state.blockedUntil = Math.max(state.blockedUntil, now + blockedForMs);
            state.report = { remaining: said.remaining ?? 0, at: now, validUntil: state.blockedUntil };
            return;
        }
        if (said.remaining === undefined) {
            state.callsSince++;
            return;
        }
        const previous = this.current(state, now);
        const elapsed = previous === undefined ? 0 : now - previous.at;
        if (previous !== undefined && previous.validUntil === undefined && elapsed > 0) {
            const ours = state.callsSince + 1;
            const others = Math.max(0, previous.remaining - ours - said.remaining);
            // Each stretch counts for the time it covers, so a pause of any length counts for what it saw.
            const fade = Math.exp(-elapsed / (PACE_MEMORY * (state.windowMs ?? 3_600_000)));
            state.othersSeen = { calls: state.othersSeen.calls * fade + others, ms: state.othersSeen.ms * fade + elapsed };
        }
        state.report = { remaining: said.remaining, at: now };
        state.callsSince = 0;
    }
    /** How many answers the rate limit has held back so far. */
    get heldBack() {
        return this.rateLimited;
    }
    /**
     * The earliest instant a call to `endpoint` may be sent (epoch ms): after any throttled answer's wait.
     * `alike`: endpoints that may count in the same pool (see view); a wait held back on any of them holds.
     */
    notBefore(endpoint, alike = []) {
        const own = this.reporting([endpoint, ...alike]);
        return Math.max(0, ...(own.length ? own : [...this.endpoints.values()]).map((s) => s.blockedUntil));
    }
    /**
     * What is left for `endpoint` now, or undefined when the gateway has said nothing that still holds.
     * `alike`: endpoints whose calls may count in the same pool: the least any of them says is left. The
     * execution list and one execution read by its ID are both a wait's looks, and the docs do not say
     * whether they share a pool. Read as one pool, the later report is the lower (a look by ID not taken
     * in left a fleet's waits planning with what the list said minutes before, 93 calls more than were
     * left); read as two, the lower is the one to spare. The least is right, or stricter, either way.
     */
    view(endpoint, alike = []) {
        const now = this.clock.now();
        const own = this.reporting([endpoint, ...alike]);
        const freshest = this.freshest();
        const views = (own.length ? own : freshest ? [freshest] : []).map((state) => this.viewOf(state, now));
        return views.reduce((least, v) => (v && (!least || v.remaining < least.remaining) ? v : least), undefined);
    }
    /** Calls that may be in flight at once: the gateway's `X-Concurrency-Limit-Limit` once it has said. */
    get maxConcurrent() {
        return this.concurrencyLimit ?? DEFAULT_CONCURRENCY;
    }
    state(endpoint) {
        let state = this.endpoints.get(endpoint);
        if (!state)
            this.endpoints.set(endpoint, (state = { callsSince: 0, othersSeen: { calls: 0, ms: 0 }, blockedUntil: 0 }));
        return state;
    }
    /** The report, if it still says something about now. */
    current(state, now) {
        const report = state.report;
        if (report === undefined)
            return undefined;
        if (report.validUntil !== undefined && now >= report.validUntil)
            return undefined;
        // Every call the report counted has aged out of the window since.
        if (state.windowMs !== undefined && now - report.at >= state.windowMs)
            return undefined;
        return report;
    }
    viewOf(state, now) {
        const report = this.current(state, now);
        if (!report || state.windowMs === undefined)
            return undefined;
        return {
            remaining: Math.max(0, report.remaining - state.callsSince),
            limit: state.limit ?? Math.max(1, report.remaining),
            windowMs: state.windowMs,
            othersPerMs: state.othersSeen.ms > 0 ? state.othersSeen.calls / Math.max(state.othersSeen.ms, SHORTEST_PACE_SPAN * PACE_MEMORY * state.windowMs) : 0,
        };
    }
    /** The states of these endpoints that the gateway has reported on. */
    reporting(endpoints) {
        return endpoints.map((e) => this.endpoints.get(e)).filter((s) => s?.report !== undefined);
    }
    freshest() {
        let best;
        for (const state of this.endpoints.values()) {
            if (state.report && (!best?.report || state.report.at > best.report.at))
                best = state;
        }
        return best;
    }
}

;// CONCATENATED MODULE: ./src/settings/settings.ts
/** The run requests of a plan: none when it waits for an existing execution. */
function runsOf(plan) {
    return plan.kind === 'attach' ? [] : plan.runs;
}
/** A `matrix` was given: the outputs describe every execution. */
function isFanOut(plan) {
    return plan.kind !== 'attach' && plan.fanOut;
}

;// CONCATENATED MODULE: ./src/qflow/step-data.ts
/**
 * A step's input or output as downloaded, made into one JSON value in its file. With `parseJson=true`
 * the answer is the JSON value itself; servers before 1.18 ignore the parameter and send it
 * serialized as a JSON string (qflow-api.md, "Step input and output"). Step data is data: an answer
 * that is not JSON at all (a plain-text output, a proxy's page) is kept as a JSON string, so the
 * result file is always valid JSON and the run's outcome never depends on what a step wrote.
 */




/** Step data up to this size is parsed whole (and scrubbed); larger files are checked as a stream. */
const PARSED_STEP_DATA_BYTES = 16 * 1024 * 1024;
/**
 * Rewrites `file` (the raw answer, `bytes` long) as one JSON value. `scrub` may change a parsed
 * value (to mask secrets in it); it is applied to data small enough to parse.
 */
async function normalizeStepFile(file, bytes, scrub = (v) => v) {
    if (bytes === 0) {
        await (0,promises_namespaceObject.writeFile)(file, 'null');
        return { bytes: 4, asText: false };
    }
    if (bytes <= PARSED_STEP_DATA_BYTES) {
        const text = await (0,promises_namespaceObject.readFile)(file, 'utf8');
        let value;
        let asText = false;
        try {
            value = JSON.parse(text);
            // A legacy server's JSON string holding the JSON value; a plain string output stays a string.
            if (typeof value === 'string')
                value = parseOr(value, value);
        }
        catch {
            value = text;
            asText = true;
        }
        const out = JSON.stringify(scrub(value));
        if (out !== text)
            await (0,promises_namespaceObject.writeFile)(file, out);
        return { bytes: Buffer.byteLength(out), asText };
    }
    // Too large to parse whole without a memory spike: check it as a stream.
    if (await isJson(file)) {
        if ((await firstCharacter(file)) !== '"')
            return { bytes, asText: false };
        // A legacy server's string: decoded as before (rare at this size).
        const decoded = JSON.parse(await (0,promises_namespaceObject.readFile)(file, 'utf8'));
        const out = JSON.stringify(parseOr(decoded, decoded));
        await (0,promises_namespaceObject.writeFile)(file, out);
        return { bytes: Buffer.byteLength(out), asText: false };
    }
    return { bytes: await rewriteAsString(file), asText: true };
}
function parseOr(text, fallback) {
    try {
        return JSON.parse(text);
    }
    catch {
        return fallback;
    }
}
async function firstCharacter(file) {
    const head = Buffer.alloc(64);
    const handle = await (0,promises_namespaceObject.open)(file, 'r');
    try {
        await handle.read(head, 0, head.length, 0);
    }
    finally {
        await handle.close();
    }
    return head.toString('utf8').trimStart()[0];
}
async function isJson(file) {
    const checker = new JsonChecker();
    const stream = (0,external_node_fs_namespaceObject.createReadStream)(file, { encoding: 'utf8' });
    for await (const chunk of stream) {
        if (!checker.push(chunk)) {
            stream.destroy();
            return false;
        }
    }
    return checker.end();
}
/** The file's text as one JSON string, streamed. Returns the new size. */
async function rewriteAsString(file) {
    const temporary = `${file}.text`;
    const out = (0,external_node_fs_namespaceObject.createWriteStream)(temporary);
    let bytes = 0;
    const write = async (text) => {
        bytes += Buffer.byteLength(text);
        if (!out.write(text))
            await (0,external_node_events_namespaceObject.once)(out, 'drain');
    };
    await write('"');
    for await (const chunk of (0,external_node_fs_namespaceObject.createReadStream)(file, { encoding: 'utf8' }))
        await write(JSON.stringify(chunk).slice(1, -1));
    await write('"');
    out.end();
    await (0,external_node_events_namespaceObject.once)(out, 'finish');
    await (0,promises_namespaceObject.rename)(temporary, file);
    return bytes;
}

;// CONCATENATED MODULE: ./src/qflow/definition.ts
/**
 * A workflow's definition, from its details: `GET /qflowapi/v1/workflows/{id}` answers
 * `{data: {id, revision, definition}}`, where `definition` is itself a JSON string holding
 * `variables[]` (`{key, value}`) and `components[]`, the nodes (`id` is the nodeId that step lists use,
 * with `name`, `type`, `next`, `previous`) (qflow-api.md, "Workflow details and its definition").
 * Whether `next` can hold several IDs is open: a string or a list is accepted. What does not have the
 * documented form is refused as a whole (the caller goes on without the checks it would allow), except
 * single nodes whose ID is not a node ID, which are left out.
 */


/** A variable name as QFlow shows them (`region`, `credentials_azure`, `connectorId`). */
const VARIABLE_NAME = /^[A-Za-z0-9_.-]{1,200}$/;
/** A definition larger than this is not read (it would be a runaway answer, not a workflow). */
const MAX_DEFINITION_CHARS = 4 * 1024 * 1024;
function readDefinition(answer) {
    const data = answer?.data ?? answer;
    const text = data?.definition;
    let definition = text;
    if (typeof text === 'string') {
        if (text.length > MAX_DEFINITION_CHARS)
            throw notDocumented('its definition is larger than 4 MiB');
        try {
            definition = JSON.parse(text);
        }
        catch {
            throw notDocumented('its definition is not JSON');
        }
    }
    if (definition === null || typeof definition !== 'object')
        throw notDocumented('it has no definition');
    const { variables, components } = definition;
    if (!Array.isArray(variables) || !Array.isArray(components))
        throw notDocumented('its definition has no variables and components lists');
    const saved = variables.map((v) => (v ?? {}));
    if (!saved.every((v) => typeof v.key === 'string' && VARIABLE_NAME.test(v.key))) {
        throw notDocumented('a variable of its definition has no key of the documented form');
    }
    return {
        variables: saved.map((v) => ({ name: v.key, hasValue: hasValue(v.value) })),
        components: components.flatMap((c) => {
            const node = c;
            if (!node || !isNodeId(node.id))
                return [];
            return [
                {
                    id: node.id,
                    name: plainText(node.name, 80) || node.id,
                    type: plainText(node.type, 60),
                    next: nodeIds(node.next),
                    previous: nodeIds(node.previous),
                },
            ];
        }),
    };
}
/** Values are lists (`["us-east-1"]`, `[]` for a cloud the workflow does not use); a bare value is accepted too. */
function hasValue(value) {
    const list = Array.isArray(value) ? value : [value];
    return list.some((v) => v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === ''));
}
function nodeIds(value) {
    const list = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
    return list.filter(isNodeId);
}
function notDocumented(why) {
    return new QFlowApiError(`QFlow's answer for the workflow's details is not the documented one: ${why}.`);
}

;// CONCATENATED MODULE: ./src/qflow/client.ts
/**
 * The QFlow REST API (`/qflowapi/v1`), in the shapes the docs give. Where the docs disagree (two
 * answers to a run, two ways of paging, `total` as a string or a number) every documented shape is
 * accepted.
 */








const API = '/qflowapi/v1';
/** How far back the execution list may reach (QFlow 1.18 release notes). */
const EXECUTION_LIST_MAX_AGE_MS = 30 * 24 * 3600 * 1000;
/** The most a step's input or output may weigh: a larger one is left out with a warning. */
const MAX_STEP_DATA_BYTES = 256 * 1024 * 1024;
class QFlowClient {
    http;
    clock;
    names;
    constructor(http, clock, 
    /** How the front-end names its settings, for the hints about them. */
    names) {
        this.http = http;
        this.clock = clock;
        this.names = names;
    }
    /**
     * Starts an execution. Never repeated blindly: see ApiHttp for when the POST is retried. A call
     * that would have to wait past `deadline` is not sent (DeadlineError: nothing started).
     */
    async runWorkflow(workflowId, body, deadline) {
        const sentAt = this.clock.now();
        const unknownOutcome = (what) => new RunOutcomeUnknownError(`${what} An execution may have started: before running again, look in QFlow for an execution of workflow ${workflowId} created between ${iso(sentAt - 60_000)} and ${iso(this.clock.now() + 60_000)}. To wait for it, run again with ${this.names.of(Input.ExecutionId)}. The run call is not repeated by itself, since that could start a second execution.`);
        const mayHaveActed = 'It is unknown whether QFlow started an execution.';
        let answer;
        try {
            answer = await this.http.json({
                method: 'POST',
                path: `${API}/workflows/${workflowId}/run`,
                headers: { 'Content-Type': 'application/json' },
                // Only the documented fields: a request may carry more for the report (a matrix item's label).
                body: JSON.stringify({ input: body.input, variables: body.variables }),
                purpose: `run workflow ${workflowId}`,
                unsafe: true,
                endpoint: 'run',
                deadline,
                hints: {
                    404: workflowNotFound(workflowId, this.names),
                    500: mayHaveActed,
                    502: mayHaveActed,
                    504: mayHaveActed,
                },
            });
        }
        catch (error) {
            if (error instanceof RunCancelledError)
                throw new RunCancelledError(unknownOutcome(error.message).message);
            if (error instanceof RunOutcomeUnknownError)
                throw unknownOutcome(error.message);
            if (error instanceof QFlowApiError && error.status !== undefined && (error.status >= 500 || error.status < 300)) {
                throw unknownOutcome(error.message);
            }
            throw error;
        }
        const executionId = readExecutionId(answer);
        if (executionId === undefined) {
            // Not the documented answer: an ID that is not a UUID never becomes a URL, a file name or an output.
            throw unknownOutcome(`QFlow accepted the run of workflow ${workflowId} but its answer is not the documented one (an execution ID that is a UUID): ${excerpt(JSON.stringify(answer) ?? '')}.`);
        }
        return executionId;
    }
    /** The workflow's definition: its variables and its nodes (see definition.ts). */
    async getWorkflow(workflowId, deadline) {
        const answer = await this.http.json({
            method: 'GET',
            path: `${API}/workflows/${workflowId}`,
            purpose: `read the definition of workflow ${workflowId}`,
            endpoint: 'workflow',
            deadline,
            hints: { 404: workflowNotFound(workflowId, this.names) },
        });
        return readDefinition(answer);
    }
    async listExecutions(workflowId, query, deadline) {
        const answer = await this.http.json({
            method: 'GET',
            path: `${API}/workflows/${workflowId}/executions`,
            query: {
                pageSize: query.pageSize,
                // The 1.18 notes page with `offset`, the API guide with `pageNumber` from 1: send both, so
                // whichever the server honours picks the same page.
                pageNumber: query.pageNumber,
                offset: (query.pageNumber - 1) * query.pageSize,
                startAt: new Date(query.startAt).toISOString(),
                endAt: new Date(query.endAt).toISOString(),
                order: query.order,
                ...(query.query === undefined ? {} : { query: query.query }),
            },
            purpose: `list the executions of workflow ${workflowId}`,
            endpoint: 'executions',
            deadline,
            hints: {
                404: workflowNotFound(workflowId, this.names),
            },
        });
        const page = readPage(answer, `the executions of workflow ${workflowId}`);
        return { ...page, items: page.items.map(readExecution).filter((e) => e !== undefined) };
    }
    /**
     * One execution by its ID (`GET /executions/{executionId}`, the answer wrapped in `data` as documented;
     * a bare record is read alike). Its status and its creation as QFlow wrote it, in one call whatever
     * the size of the fleet around it in the execution list.
     */
    async getExecution(executionId, deadline) {
        const answer = await this.http.json({
            method: 'GET',
            path: `${API}/executions/${executionId}`,
            purpose: `read execution ${executionId}`,
            endpoint: 'execution',
            deadline,
        });
        const wrapped = isRecord(answer) && isRecord(answer.data) ? answer.data : answer;
        const record = isRecord(wrapped) ? readExecution(wrapped) : undefined;
        if (record === undefined || record.id !== executionId.toLowerCase()) {
            throw new QFlowApiError(`Could not read execution ${executionId}: QFlow's answer is not the documented one (the execution with that ID): ${excerpt(JSON.stringify(answer) ?? '')}.`);
        }
        return record;
    }
    async listSteps(executionId, pageNumber, pageSize, deadline) {
        const answer = await this.http.json({
            method: 'GET',
            path: `${API}/executions/${executionId}/steps`,
            query: { pageSize, pageNumber, offset: (pageNumber - 1) * pageSize },
            purpose: `list the steps of execution ${executionId}`,
            endpoint: 'steps',
            deadline,
            hints: { 404: `Execution ${executionId} was not found (executions older than 30 days are no longer available).` },
        });
        const page = readPage(answer, `the steps of execution ${executionId}`);
        return { ...page, items: page.items.map(readStep).filter((s) => s !== undefined) };
    }
    /**
     * Writes a step's input or output to `file` as JSON, streaming it so a large output is never held
     * in memory whole (see step-data.ts). `scrub` may change a value small enough to parse.
     */
    async downloadStepData(executionId, nodeId, kind, file, options = {}) {
        const response = await this.http.send({
            method: 'GET',
            path: `${API}/executions/${executionId}/steps/${encodeURIComponent(nodeId)}/${kind}`,
            query: { parseJson: true },
            purpose: `fetch the ${kind} of step ${nodeId}`,
            endpoint: 'step-data',
            sink: () => (0,external_node_fs_namespaceObject.createWriteStream)(file),
            maxSinkBytes: MAX_STEP_DATA_BYTES,
            deadline: options.deadline,
            hints: { 404: `Step ${nodeId} of execution ${executionId} was not found, or it has no ${kind}.` },
        });
        return normalizeStepFile(file, response.bytes, options.scrub);
    }
}
function workflowNotFound(workflowId, names) {
    return `Workflow ${workflowId} was not found: check ${names.of(Input.WorkflowId)} and that the Qualys user can see the workflow.`;
}
/** The run answer: `{executionId}` (1.18 notes) or `{data: {executionId}}` (API guide); a UUID, or undefined. */
function readExecutionId(answer) {
    const record = (answer !== null && typeof answer === 'object' ? answer : {});
    const data = (record.data !== null && typeof record.data === 'object' ? record.data : {});
    const id = record.executionId ?? data.executionId;
    return isUuid(typeof id === 'string' ? id.trim() : id) ? id.trim().toLowerCase() : undefined;
}
function isRecord(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
/** `{total, items}`, wrapped in `data` or not; `total` may be a string ("9"). */
function readPage(answer, what) {
    const outer = answer;
    const body = outer && typeof outer === 'object' && 'data' in outer ? outer.data : outer;
    const items = Array.isArray(body) ? body : body?.items;
    if (!Array.isArray(items)) {
        throw new QFlowApiError(`QFlow's answer for ${what} has no list of items: ${excerpt(JSON.stringify(answer) ?? '')}`);
    }
    const rawTotal = Array.isArray(body) ? undefined : body.total;
    const total = typeof rawTotal === 'number' && Number.isSafeInteger(rawTotal) && rawTotal >= 0
        ? rawTotal
        : typeof rawTotal === 'string' && /^\d{1,15}$/.test(rawTotal)
            ? Number(rawTotal)
            : undefined;
    return { items: items.filter((i) => i !== null && typeof i === 'object'), total, received: items.length };
}
/** The range of a JavaScript Date: an instant beyond it cannot be written as ISO 8601. */
const LATEST_INSTANT = 8.64e15;
/** An instant as QFlow writes it: epoch ms (number or digits) or an ISO 8601 string; undefined for anything else. */
function readInstant(value) {
    let instant;
    if (typeof value === 'number')
        instant = value;
    else if (typeof value === 'string' && value.trim() !== '')
        instant = /^\d+$/.test(value.trim()) ? Number(value) : Date.parse(value);
    return instant !== undefined && Number.isFinite(instant) && Math.abs(instant) <= LATEST_INSTANT ? instant : undefined;
}
/** A list item, or undefined when its ID is not a UUID (an item like that cannot be the one waited for). */
function readExecution(item) {
    const id = item.id ?? item.execution ?? item.executionId;
    if (!isUuid(id))
        return undefined;
    const details = (item.details !== null && typeof item.details === 'object' ? item.details : {});
    return {
        id: id.toLowerCase(),
        status: plainText(item.status),
        createdAt: readInstant(item.createdAt),
        startDate: readInstant(item.startDate) ?? readInstant(item.createdAt),
        endDate: readInstant(item.endDate) ?? readInstant(details.executionEndDate),
        raw: item,
    };
}
/** A step, or undefined when its node ID is not of the documented form (it would go into URLs and outputs). */
function readStep(item) {
    if (!isNodeId(item.nodeId))
        return undefined;
    return {
        nodeId: item.nodeId,
        nodeType: plainText(item.nodeType),
        status: plainText(item.status),
        eventOrder: typeof item.eventOrder === 'number' && Number.isFinite(item.eventOrder) ? item.eventOrder : undefined,
        // The documented step list gives only `createdAt` and `updatedAt` (samples/step-list.json): the step
        // began when QFlow created it, and its last change is its end once the execution has ended (what
        // the fields mean is [open]; a start or end of its own, where a gateway sends one, wins).
        startedAt: readInstant(item.startDate ?? item.startTime ?? item.startedAt ?? item.createdAt),
        endedAt: readInstant(item.endDate ?? item.endTime ?? item.endedAt),
        updatedAt: readInstant(item.updatedAt),
        message: plainText(item.message ?? item.error ?? item.errorMessage, 300) || undefined,
    };
}

;// CONCATENATED MODULE: ./src/run/conclude.ts
/**
 * How a run ended, from its executions and what stopped it: the result, the sentence that says why,
 * and the ending each front-end maps to what it publishes.
 */




/**
 * The run's result, message and ending: `success` only when every execution succeeded; else why not,
 * most telling first (the job was cancelled, the wait timed out, an execution failed).
 */
function conclude(executions, fanOut, interruption) {
    let result = resultOf(executions) ?? 'failure';
    let message;
    let errored = false;
    let badInput = false;
    if (interruption?.kind === 'thrown') {
        const { error } = interruption;
        if (error instanceof CancelledError) {
            // Only those not seen to end go on: a cancellation while collecting comes after every end.
            const ids = executions.filter((e) => e.result !== 'success' && e.result !== 'failure').flatMap((e) => e.executionId ?? []);
            const ended = executions.length > 0 && executions.every((e) => e.result === 'success' || e.result === 'failure');
            if (executions.every((e) => e.execution === undefined))
                result = 'cancelled';
            message = ended
                ? 'The job was cancelled after every execution ended; step details may be missing.'
                : `The job was cancelled${ids.length ? `; execution ${ids.join(', ')} goes on in QFlow` : ''}.`;
        }
        else {
            message = messageOf(error);
            errored = true;
            // A mistake in the inputs that only the workflow's definition could show: nothing was started.
            badInput = error instanceof InputError;
        }
    }
    else if (interruption?.kind === 'not-started') {
        // A single run's error is the run's error; in a fan-out it is that item's.
        message = executions[0].message;
        errored = !(interruption.error instanceof CancelledError || interruption.error instanceof DeadlineError);
    }
    else if (interruption?.kind === 'dry-run') {
        message = interruption.message;
    }
    else {
        message = fanOut ? fanOutMessage(executions) : executions[0]?.message;
    }
    return { result, message, ending: endingOf(result, executions, errored, badInput) };
}
/** The ending, the most telling first. */
function endingOf(result, executions, errored, badInput) {
    if (result === 'cancelled')
        return 'cancelled';
    if (badInput)
        return 'bad-input';
    // An error of the run itself, or a run call whose outcome is unknown: there is no result to act on.
    if (errored || executions.some((e) => e.executionId === undefined && e.result === 'failure'))
        return 'no-result';
    if (result === 'timed_out')
        return 'timed-out';
    if (result === 'failure')
        return 'failed';
    return 'succeeded';
}
function fanOutMessage(executions) {
    const unsuccessful = executions.filter((e) => !isFine(e.result));
    if (unsuccessful.length === 0)
        return undefined;
    const shown = unsuccessful.slice(0, 3).map((e) => `Item ${itemName(e.item, e.request)}: ${e.message ?? e.result}`);
    const more = unsuccessful.length > 3 ? ` (${unsuccessful.length - 3} more in the job summary)` : '';
    return `${unsuccessful.length} of ${executions.length} executions did not succeed. ${shown.join(' ')}${more}`;
}
/**
 * One result for all executions: the first of failed, cancelled, timed out that any has; else success
 * or started. A failure seen is the most telling: the others stopped being waited for at it
 * (`fail-fast`), or were still running when the job was cancelled or timed out; a gate must fail.
 */
function resultOf(executions) {
    if (executions.length === 0)
        return undefined;
    for (const result of ['failure', 'cancelled', 'timed_out'])
        if (executions.some((e) => e.result === result))
            return result;
    if (executions.every((e) => e.result === 'validated'))
        return 'validated';
    return executions.some((e) => e.result === 'started') ? 'started' : 'success';
}
/** Each execution as the wait left it: its record, status and result, and why a wait that ended early did. */
function afterWait(executions, outcome, timeoutMs, names) {
    return executions.map((e) => {
        const o = e.executionId === undefined ? undefined : outcome.outcomes.get(e.executionId);
        if (!o)
            return e;
        const waited = { ...e, execution: o.execution, status: o.execution?.status ?? '', result: o.kind };
        if (o.kind === 'timed_out') {
            // When the budget held the looks back, it is the cause to name.
            const budget = outcome.budgetPauseMs
                ? ` The subscription's API budget held the looks up to ${humanDuration(outcome.budgetPauseMs)} apart.`
                : outcome.budgetNote
                    ? ` The subscription's API budget slowed the looks: ${outcome.budgetNote}`
                    : '';
            const again = `execution ${e.executionId} may still be running in QFlow, which offers no API to cancel it. To wait for it again, run with ${names.set(Input.ExecutionId, e.executionId)}.`;
            const spent = outcome.budgetSpent;
            // 5m 59.6s and a 6m timeout both read "6m": "after 6m, before the 6m timeout" would make no sense.
            const when = spent && humanDuration(spent.afterMs) !== humanDuration(timeoutMs) ? `after ${humanDuration(spent.afterMs)},` : 'just';
            const rate = spent?.limit && spent.windowMs ? ` (${spent.limit} calls per ${humanDuration(spent.windowMs)})` : '';
            // Stopped early, the execution may well have ended since: say what was last seen, and the figures
            // of the budget's share (the callers it was shared with), so a fleet can be sized. They are those
            // the looks were planned with, before the calls ran out ("170 of 300 calls left" beside "is spent"
            // read as a contradiction otherwise).
            const lastSeen = o.execution?.status
                ? `was last seen ${o.execution.status} and may have ended since`
                : 'was not listed yet when the wait stopped (QFlow lists a new execution late), and may have ended since';
            const left = spent ? whyNotWaited(spent.forMs, spent.leftMs, 'a call') : '';
            const figures = outcome.budgetNote ? ` Its looks were planned earlier, with these figures: ${outcome.budgetNote}` : '';
            waited.message = spent
                ? `Stopped waiting ${when} before the ${humanDuration(timeoutMs)} ${names.of(Input.Timeout)}: the subscription's API budget${rate} is spent, and the gateway asked for no calls for ${humanDuration(spent.forMs)}${left}. Execution ${e.executionId} ${lastSeen}; to wait for it again, run with ${names.set(Input.ExecutionId, e.executionId)}.${figures}`
                : `Stopped waiting after ${humanDuration(timeoutMs)} (${names.of(Input.Timeout)}); ${again}${budget}`;
        }
        else if (o.kind === 'cancelled') {
            waited.message = outcome.stoppedAtFailure
                ? `Stopped waiting at the first failure (${names.of(Input.FailFast)}); execution ${e.executionId} goes on in QFlow.`
                : `The job was cancelled; execution ${e.executionId} goes on in QFlow, which offers no API to cancel it.`;
        }
        return waited;
    });
}

;// CONCATENATED MODULE: ./src/run/collect.ts
/**
 * After the wait: each ended execution's steps and the step data asked for, and the workflow's
 * definition read for the summary when the run did not read it before. What the engine's run holds
 * (engine.ts `Run`) is what these need; nothing here changes an execution's outcome.
 */





/** The definition is read for the summary only with at least this long left before the timeout. */
const MIN_SUMMARY_READ_MS = 2000;
/**
 * Steps and step data of every execution that ended. The outcome stands whatever they look like: a
 * step list that cannot be read is a warning, and step data that cannot be had is left out.
 */
async function collectAll(run, executions, deadline) {
    const collected = [];
    // Once the time for collecting is out (the budget held a call back past it), the rest are left unread, said once.
    let outOfTime;
    for (const e of executions) {
        const ended = e.executionId !== undefined && (e.result === 'success' || e.result === 'failure');
        if (!ended)
            collected.push(e);
        else if (outOfTime) {
            outOfTime.left++;
            collected.push({ ...e, stepsUnread: true });
        }
        else {
            try {
                collected.push(await collect(run, e, deadline));
            }
            catch (error) {
                if (!(error instanceof DeadlineError))
                    throw error;
                outOfTime = { error, left: 1 };
                collected.push({ ...e, stepsUnread: true });
            }
        }
    }
    if (outOfTime) {
        const { left, error } = outOfTime;
        // The call's own words speak of the timeout; collecting ends earlier, so they go to the debug log.
        run.host.log.debug(messageOf(error));
        run.host.log.warning(`The steps of ${executions.length === 1 ? 'the execution' : left === 1 ? '1 execution' : `${left} executions`} could not be read in the time collecting may take after the wait (the gateway held the calls back, or kept failing), so ${executions.length === 1 ? 'its' : 'their'} step data is left out.`);
    }
    return collected;
}
async function collect(run, e, deadline) {
    const { client, settings, host, rules } = run;
    const { log } = host;
    const scrub = (value) => host.redactor.value(value);
    const executionId = e.executionId;
    let steps;
    try {
        steps = await listAllSteps(client, executionId, log, deadline);
    }
    catch (error) {
        if (error instanceof CancelledError || error instanceof DeadlineError)
            throw error;
        log.warning(`The steps of execution ${executionId} could not be read, so its step data is left out: ${messageOf(error)}`);
        return { ...e, stepsUnread: true };
    }
    const failedSteps = steps.filter((step) => rules.classify(step.status) === 'failure');
    const dir = external_node_path_default().join(run.workDir, String(e.item));
    const outputs = selectNodes(settings.stepOutputs, steps, settings.names.of(Input.StepOutputs), log);
    const stepOutputs = await fetchStepData(client, executionId, outputs, 'output', dir, log, { deadline, scrub });
    const inputs = selectNodes(settings.stepInputs, steps, settings.names.of(Input.StepInputs), log);
    const stepInputs = await fetchStepData(client, executionId, inputs, 'input', dir, log, { deadline, scrub });
    return { ...e, steps, failedSteps, stepOutputs, stepInputs };
}
/**
 * The workflow's definition for the summary's step names and picture, when it was not read before the
 * run: one call, made only when an execution ended (there are steps to name) and the budget has room,
 * that is, the looks were never held back and at least half the window's calls are left (or the gateway
 * states no limit). Otherwise the summary says why they are missing. Nothing here changes the outcome.
 */
async function readForSummary(run, executions, waited) {
    const { client, settings, budget, deadline } = run;
    const { clock, log } = run.host;
    if (!executions.some((e) => e.result === 'success' || e.result === 'failure'))
        return {};
    if (clock.now() >= deadline - MIN_SUMMARY_READ_MS) {
        return { definitionNote: 'Step names and the picture of the workflow are left out: the timeout left no time to read its definition.' };
    }
    const view = budget.view('workflow');
    if (waited.budgetPauseMs || (view !== undefined && view.remaining < view.limit / 2)) {
        // The budget that held the looks back is the reason to give: the calls left now may look plenty.
        const why = waited.budgetPauseMs
            ? `, which held the looks up to ${humanDuration(waited.budgetPauseMs)} apart`
            : view
                ? ` (${view.remaining} of ${view.limit} calls left in the window)`
                : '';
        return { definitionNote: `Step names and the picture of the workflow are left out to spare the subscription's API budget${why}.` };
    }
    try {
        return { definition: await client.getWorkflow(settings.workflowId, deadline) };
    }
    catch (error) {
        if (error instanceof CancelledError)
            throw error;
        log.debug(`The workflow's definition could not be read for the summary: ${messageOf(error)}`);
        return {
            definitionNote: 'Step names and the picture of the workflow are left out: its definition could not be read (that needs READ on the workflow).',
        };
    }
}

;// CONCATENATED MODULE: ./src/run/start.ts
/**
 * Starting the executions: one run call per run request, up to `max-parallel` at a time (the HTTP
 * layer also keeps to the gateway's concurrency limit). The run call is never repeated on its own:
 * a run whose answer was lost is reported as "may have started", and the others go on.
 */


async function startExecutions(client, workflowId, requests, maxParallel, clock, 
/** No run call waits past this instant (epoch ms); one that would is not sent. */
deadline, 
/** Told of each run as soon as its call has answered. */
onStarted) {
    const runs = requests.map((request, i) => ({ item: i + 1, request }));
    let cancelled;
    await inPool(runs, maxParallel, async (run) => {
        run.sentAt = clock.now();
        try {
            run.executionId = await client.runWorkflow(workflowId, run.request, deadline);
        }
        catch (error) {
            // A cancelled job starts nothing more; what was started is still reported.
            if (error instanceof CancelledError)
                cancelled = error;
            run.error = error instanceof Error ? error : new Error(String(error));
        }
        onStarted(run);
    }, () => cancelled !== undefined);
    return runs;
}

;// CONCATENATED MODULE: ./src/run/preflight.ts
/**
 * Mistakes caught before a run is wasted: the workflow's own definition, read once before any run
 * call (once for a whole fan-out), says which variables it has saved and which nodes it has. Refused,
 * with no execution started: what QFlow itself would refuse (an override without a cloud variable the
 * workflow uses), a near-certain typo (`regoin` beside a `region` the override leaves out), and a
 * node ID in `step-outputs`/`step-inputs` that is no node of the workflow. An override variable the
 * definition does not list is otherwise sent, with one warning: QFlow accepts user-defined variables,
 * and whether a definition lists them is not documented (the guide's sample lists none).
 *
 * A definition that cannot be read (a role without READ answers 403, or an unknown shape) skips these
 * checks with one warning: the run goes on. A 401 or a 404 there ends the step before the run: the run
 * call would get the same answer.
 */




/**
 * The cloud variables of QFlow 1.18 and 1.19: when a run overrides variables, each one the workflow
 * uses needs a value. `connectorId` (1.19) stands for any of the credentials variables.
 */
const CONNECTOR_VARIABLES = ['credentials', 'credentials_azure', 'credentials_gcp', 'connectorId'];
const CLOUD_VARIABLES = [...CONNECTOR_VARIABLES, 'region', 'resourceGroup', 'project', 'oci_region', 'compartment'];
/**
 * Whether the definition can catch a mistake here: override variables, node IDs or a fan-out to check,
 * or a dry run. Otherwise the run call says all it would (a missing workflow answers 404 there too);
 * the definition is then read after the wait, for the summary, when the budget has room (see engine).
 */
function worthReading(settings) {
    const nodes = (selection) => selection !== 'all' && selection.length > 0;
    return (settings.plan.kind === 'dry-run' ||
        isFanOut(settings.plan) ||
        runsOf(settings.plan).some((r) => Object.keys(r.variables ?? {}).length > 0) ||
        nodes(settings.stepOutputs) ||
        nodes(settings.stepInputs));
}
/** Reads the definition and checks the settings against it; undefined when it could not be read. */
async function checkAgainstDefinition(client, settings, log, deadline) {
    let definition;
    try {
        definition = await client.getWorkflow(settings.workflowId, deadline);
    }
    catch (error) {
        // The run call would be refused the same way: stop here, once, whatever the number of runs.
        if (error instanceof QFlowApiError && (error.status === 401 || error.status === 404))
            throw error;
        if (!(error instanceof QFlowApiError))
            throw error;
        log.warning(`${error.message} The variables and node IDs are not checked against the workflow's definition; the run goes on.${error.status === 403 ? ' (Reading it needs READ on the workflow.)' : ''}`);
        return undefined;
    }
    checkVariables(settings, definition, log);
    checkNodes(settings.names.subject(Input.StepOutputs), settings.stepOutputs, definition);
    checkNodes(settings.names.subject(Input.StepInputs), settings.stepInputs, definition);
    return definition;
}
/**
 * Decided: a definition that does list user-defined variables (a key that is no system variable)
 * changes nothing but the candidates for "did you mean": an unlisted variable is still sent with a
 * warning, since QFlow's run call accepts variables the workflow has not saved and no document says
 * it refuses them.
 */
function checkVariables(settings, definition, log) {
    const listed = definition.variables.map((v) => v.name);
    // 1.18: an override needs a value for every cloud variable the workflow uses, those its saved
    // variables give a value; an empty slot belongs to a cloud the workflow does not use.
    const used = definition.variables.filter((v) => v.hasValue && CLOUD_VARIABLES.includes(v.name)).map((v) => v.name);
    const unlisted = new Set();
    const { names } = settings;
    runsOf(settings.plan).forEach((run, i) => {
        const given = Object.keys(run.variables ?? {});
        if (given.length === 0)
            return;
        const where = isFanOut(settings.plan)
            ? `${names.subject(Input.Matrix)} item ${i + 1} (with ${names.of(Input.Variables)})`
            : names.subject(Input.Variables);
        // connectorId (1.19) is a variable of every workflow with credentials, listed or not.
        const unknown = given.filter((name) => !listed.includes(name) && name !== 'connectorId');
        if (!settings.allowUnknownVariables) {
            const leftOut = listed.filter((name) => !given.includes(name));
            for (const name of unknown) {
                const near = nearest(name, leftOut);
                if (near === undefined)
                    continue;
                throw new InputError(`${where} overrides the variable ${quote(name)}, which workflow ${settings.workflowId} does not list, and leaves out ${quote(near)}. Did you mean ${quote(near)}? Its variables: ${listed.join(', ')}. If ${quote(name)} is a variable of its own, set ${names.set(Input.AllowUnknownVariables, 'true')}.`);
            }
            unknown.forEach((name) => unlisted.add(name));
        }
        const missing = used.filter((name) => CONNECTOR_VARIABLES.includes(name) ? !CONNECTOR_VARIABLES.some((c) => given.includes(c)) : !given.includes(name));
        if (missing.length > 0) {
            throw new InputError(`${where} overrides variables but leaves out ${missing.map(quote).join(', ')}. When variables are overridden, QFlow needs a value for every cloud variable the workflow uses (${used.join(', ')}): give ${missing.length === 1 ? 'it' : 'them'} too.`);
        }
    });
    if (unlisted.size > 0) {
        const shown = [...unlisted].map(quote).join(', ');
        log.warning(`The workflow's definition does not list ${unlisted.size === 1 ? 'the variable' : 'the variables'} ${shown} (its variables: ${listed.join(', ') || 'none'}); sent as given, since QFlow accepts user-defined variables. Check the spelling; set ${names.set(Input.AllowUnknownVariables, 'true')} to silence this.`);
    }
}
/** `what`: the setting as its front-end names it (Input 'step-outputs', --step-outputs). */
function checkNodes(what, selection, definition) {
    if (selection === 'all' || definition.components.length === 0)
        return;
    const ids = definition.components.map((c) => c.id);
    const unknown = selection.find((id) => !ids.includes(id));
    if (unknown === undefined)
        return;
    const near = nearest(unknown, ids);
    throw new InputError(`${what} names the node ${quote(unknown)}, which is not a node of the workflow${near ? `. Did you mean ${quote(near)}?` : '.'} Its nodes: ${definition.components.map((c) => `${c.id} (${c.name})`).join(', ')}.`);
}

;// CONCATENATED MODULE: ./src/wait/history.ts
/** Fewer successful runs than this say too little to plan polls around. */
const MIN_SAMPLES = 3;
/**
 * From this many successful runs on, the spread is taken as measured. Fewer say little of it: three
 * runs that happened to end within a second of each other would have the looks gather in that second
 * and then, the run still going, back off for minutes. Below it the spread is widened, 2.5× at three
 * runs (about what Student's t for two degrees of freedom, and the new run's own draw, add to a
 * normal model's 95 % range), falling evenly to none at this many.
 */
const TRUSTED_SAMPLES = 10;
const FEW_SAMPLES_WIDENING = 1.5;
/** Durations further than this many spreads from the median are outliers (a hung run, a retried one). */
const OUTLIER_SPREADS = 3;
const MAD_TO_SIGMA = 1.4826;
/** Learns from the successful executions in `executions`. */
function learnDurations(executions, rules) {
    // Failures often end early for reasons of their own: only successes tell how long a run takes.
    const durations = executions
        .filter((e) => rules.classify(e.status) === 'success')
        .map((e) => (e.startDate !== undefined && e.endDate !== undefined ? e.endDate - e.startDate : NaN))
        .filter((d) => Number.isFinite(d) && d >= 0);
    return durationModel(durations);
}
function durationModel(durations) {
    if (durations.length < MIN_SAMPLES)
        return undefined;
    const first = summarize(durations);
    const kept = durations.filter((d) => Math.abs(d - first.medianMs) <= OUTLIER_SPREADS * first.spreadMs || first.spreadMs === 0);
    if (kept.length < MIN_SAMPLES)
        return undefined;
    const { medianMs, spreadMs } = summarize(kept);
    const few = Math.max(0, TRUSTED_SAMPLES - kept.length) / (TRUSTED_SAMPLES - MIN_SAMPLES);
    return { medianMs, spreadMs: spreadMs * (1 + FEW_SAMPLES_WIDENING * few), samples: kept.length, longestMs: Math.max(...kept) };
}
function summarize(values) {
    const medianMs = median(values);
    return { medianMs, spreadMs: MAD_TO_SIGMA * median(values.map((v) => Math.abs(v - medianMs))) };
}
function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

;// CONCATENATED MODULE: ./src/wait/normal.ts
/** The standard normal distribution, for the history's model of run durations. */
/** The hazard φ(z) / (1 − Φ(z)) of a standard normal, with the tail's asymptote where Φ runs out of digits. */
function normalHazard(z) {
    if (z > 5)
        return 1 / (1 / z - 1 / z ** 3);
    const density = Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);
    return density / (1 - normalCdf(z));
}
/** Φ(z), from the error function approximation of Abramowitz and Stegun 7.1.26 (error < 1.5e-7). */
function normalCdf(z) {
    const x = Math.abs(z) / Math.SQRT2;
    const t = 1 / (1 + 0.3275911 * x);
    const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
    return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

;// CONCATENATED MODULE: ./src/wait/timing.ts


/** Jitter of ±20 % on backoff pauses, so matrix jobs started together do not poll in lockstep. */
const JITTER = 0.2;
/** Growth of the pause without a history: each pause is half the time waited so far, so ×1.5 per poll. */
const BACKOFF_FRACTION = 0.5;
/**
 * The share of max-poll-interval a pause leaves for the look itself: an end is noticed when the
 * answer is in and acted on, not when the call leaves, and max-poll-interval bounds the former.
 */
const LOOK_ALLOWANCE = 0.05;
/**
 * An execution that ended within this share of max-poll-interval may not have been seen to end by its
 * job yet; one that ended longer ago most likely has (jobs that share a budget look more often than
 * that near the end). Counting every recent end as not yet seen would reserve calls for jobs long done.
 */
const LATELY_ENDED = 0.5;
/** Looks counted at most when playing a plan forward. */
const MAX_PLANNED_LOOKS = 5000;
/** Around the usual duration, polls are this many poll-intervals apart, to notice the end within a couple of seconds. */
const PEAK_SPACING = 1.25;
/**
 * With many executions waited for (a fan-out), their ends spread over the history's spread and each
 * look notices every end since the one before. Near the usual end the looks are then at least a
 * quarter of a spread apart (about eight across the ±1 spread where two thirds of them end), not
 * 1.25 poll-intervals: each look notices several ends. The price is a median delay longer than one
 * execution's: k looks notice at most k × m seconds' worth of ends within m seconds, so halving the
 * median delay of a fan-out doubles its looks. API calls come first here; the benchmark shows both.
 */
const FAN_OUT_PEAK_SPREADS = 0.25;
/**
 * How steeply the pause grows with the distance before the usual end: as the fifth power of how much
 * less likely the execution is to end now than at its usual duration. Runs mostly end close to their
 * usual duration; the benchmark showed the plain (first-power) ratio spending more calls on the
 * shoulders for a slower look at the usual end. The price: a run that ends more than a spread early
 * is seen later, though always within max-poll-interval (the benchmark shows both).
 */
const HAZARD_POWER = 5;
/**
 * Past the usual end the pause grows again, slowly, by e^((z / LATE_SPREADS)²) at z spreads late:
 * ×1.3 one spread late, ×2.7 two spreads late. The normal model's hazard would keep shrinking it,
 * but real durations have a longer tail than a normal one (a slow cloud API, a retried step), and a
 * late run would otherwise cost a call every few seconds until it is overdue.
 */
const LATE_SPREADS = 2;
/** By the median plus this many spreads an execution has most likely ended (98 % of a normal model's). */
const LIKELY_OVER_SPREADS = 2;
/** With a history of TRUSTED_SAMPLES runs or more, its likely end is no earlier than the median and this many spreads. */
const LIKELY_OVER_SPREADS_LEARNT = 1;
/**
 * The age by which a run has most likely ended. From a history of TRUSTED_SAMPLES runs or more, the
 * longest of them: one run in (n + 1) outlasts the longest of n before it, whatever the shape of their
 * durations, where two spreads of the normal model overshoot durations that keep within bounds (20
 * runs of ±10 %, whose spread reads ±7 %, put it 44 s past the usual end, 14 s past the longest) and
 * every job of a fleet, reading the same history, made its last paid look that late: in the fleet
 * model, 50 jobs on pages of 20 noticed their ends 21 s late (median of 60 draws), 15 s with the
 * longest. It is kept at least a spread past the median, so a history whose runs happened to end
 * close together does not have the fleet look too early. From fewer runs, whose longest says little,
 * the median and two spreads (widened by then, see history.ts) or the longest, whichever is later. A
 * hung run does not push it out: runs more than three spreads out were left out of the history as
 * outliers.
 */
function likelyOverMs(history) {
    const learnt = history.longestMs !== undefined && history.samples >= TRUSTED_SAMPLES;
    const spreads = learnt ? LIKELY_OVER_SPREADS_LEARNT : LIKELY_OVER_SPREADS;
    return Math.max(history.medianMs + spreads * spreadOf(history), history.longestMs ?? 0);
}
/** Past the median plus this many spreads the history no longer applies: the run is overdue. */
const OVERDUE_SPREADS = 3;
/** The spread assumed at least, as a fraction of the median, so identical past durations still leave room. */
const MIN_RELATIVE_SPREAD = 0.02;
/**
 * The pause planned at `elapsedMs` before look number `poll`, with every pause `factor` times as long
 * (1 for the plan itself). `random` draws the jitter; 0.5 plays the plan without it.
 */
function pauseAt(input, elapsedMs, poll, factor, random) {
    const longest = longestPause(input);
    if (poll <= 1)
        return input.minMs * factor;
    const { history } = input;
    const jitter = 1 + JITTER * (2 * random - 1);
    const backoff = () => clamp(BACKOFF_FRACTION * elapsedMs * jitter, input.minMs, longest) * factor;
    if (!history)
        return backoff();
    const spread = spreadOf(history);
    if (elapsedMs >= history.medianMs + OVERDUE_SPREADS * spread)
        return backoff();
    // The jitter goes on the spacing, not the pause, so a pause at its cap stays there (a shorter one
    // would only spend calls early), and less of it: a tenth either way still breaks lockstep.
    const spacing = Math.max(PEAK_SPACING * input.minMs, (input.pending ?? 1) > 1 ? FAN_OUT_PEAK_SPREADS * spread : 0);
    const peak = spacing * (1 + (jitter - 1) / 2) * factor;
    return clamp(hazardPause(elapsedMs, history.medianMs, spread, peak, longest * factor), input.minMs, longest * factor);
}
function spreadOf(history) {
    return Math.max(history.spreadMs, MIN_RELATIVE_SPREAD * history.medianMs, 1);
}
/** Time until the execution has most likely ended (see likelyOverMs), if that is still ahead. */
function untilLikelyOver(input) {
    if (!input.history)
        return undefined;
    const ms = likelyOverMs(input.history) - input.elapsedMs;
    return ms > 0 ? ms : undefined;
}
/**
 * The chance that a run of the workflow still runs at `ageMs`, from the history's normal model, with
 * its end taken `laterBySpreads` spreads later than the model says.
 */
function chanceStillRunning(history, ageMs, laterBySpreads = 0) {
    return 1 - normalCdf((ageMs - history.medianMs) / spreadOf(history) - laterBySpreads);
}
/** The longest pause the plan makes: max-poll-interval less the look's allowance. */
function longestPause(input) {
    return Math.max(input.minMs, input.maxMs * (1 - LOOK_ALLOWANCE));
}
/** How long the execution is expected to go on running within `horizonMs`, from its survival. */
function expectedLifeMs(input, horizonMs) {
    const stillRunning = survivalFrom(input.history, input.elapsedMs, input.minMs);
    const steps = 100;
    let life = 0;
    for (let i = 1; i <= steps; i++)
        life += (stillRunning(input.elapsedMs + (horizonMs * (i - 0.5)) / steps) * horizonMs) / steps;
    return life;
}
/**
 * How many looks the plan, every pause stretched by `factor`, makes within `horizonMs`, each counted
 * by the chance that the execution is still running when the look comes.
 */
function expectedLooks(input, factor, horizonMs) {
    const stillRunning = survivalFrom(input.history, input.elapsedMs, input.minMs);
    let t = input.elapsedMs;
    let weight = 1;
    let looks = 0;
    for (let poll = input.poll; poll < input.poll + MAX_PLANNED_LOOKS; poll++) {
        t += pauseAt(input, t, poll, factor, 0.5);
        if (t - input.elapsedMs > horizonMs)
            break;
        looks += weight;
        weight = stillRunning(t);
    }
    return looks;
}
/**
 * The chance that an execution running at `fromMs` still runs at a later age `t`. With a history,
 * from its normal model. Without one, or once the execution has outlasted its likely end (the
 * history no longer tells when it ends), `fromMs / t`: knowing only how long it has run, a run is
 * taken to be as likely to go on for as long again as not (the Lindy rule), so a long-running
 * execution is planned for as long. Past the likely end the normal model's hazard would have every
 * next look all but certain to see the end: a plan of a look every second or two counted as one or
 * two looks, which any share paid for, at each look again, and a run that outlasted a history read
 * short spent ten calls in 45 s while a staggered fleet's later jobs needed them (held back for the
 * window). Counted as Lindy's, such looks fit the share by stretching, within max-poll-interval.
 */
function survivalFrom(history, fromMs, minMs) {
    const spread = history && spreadOf(history);
    if (!history || !spread || fromMs >= Math.min(likelyOverMs(history), history.medianMs + OVERDUE_SPREADS * spread)) {
        const ran = Math.max(fromMs, minMs);
        return (t) => Math.min(1, ran / t);
    }
    const survival = (t) => 1 - normalCdf((t - history.medianMs) / spread);
    const now = survival(fromMs);
    return (t) => Math.min(1, survival(t) / now);
}
/**
 * The longest pause d (up to `maxMs`) that is no longer than the spacing wanted anywhere within it:
 * looking ahead keeps a long early pause from jumping over the usual end. Before the usual end the
 * spacing is `peakMs` × (hazard at the median / hazard at t)⁵; past it, `peakMs` × e^((z / 2)²).
 */
function hazardPause(elapsedMs, medianMs, spreadMs, peakMs, maxMs) {
    const spacing = (t) => {
        const z = (t - medianMs) / spreadMs;
        return z < 0 ? peakMs * (normalHazard(0) / normalHazard(z)) ** HAZARD_POWER : peakMs * Math.exp((z / LATE_SPREADS) ** 2);
    };
    // The spacing is least at the usual end, so within [t, t + d] it is least at the point nearest it.
    const strictestWithin = (d) => spacing(Math.min(Math.max(medianMs, elapsedMs), elapsedMs + d));
    let fits = 0;
    let tooLong = maxMs + 1;
    for (let i = 0; i < 40; i++) {
        const d = (fits + tooLong) / 2;
        if (d <= strictestWithin(d))
            fits = d;
        else
            tooLong = d;
    }
    return fits;
}
function clamp(value, min, max) {
    return Math.min(max, Math.max(min, value));
}

;// CONCATENATED MODULE: ./src/wait/fleet.ts

/** Executions off the page are taken to end this many spreads later than the history says (see expected). */
const UNSEEN_END_LATER_BY = 2;
class FleetView {
    rules;
    maxPollIntervalMs;
    /** Executions created before the oldest one waited for, seen running when they were last on a page. */
    earlier = [];
    /** Executions older than the first look's page that are no past success (the fleet's older part), created before `before`. */
    unseen;
    /**
     * A first look that did not show the execution waited for (the gateway lists new ones late): when
     * the newest running execution it showed was created, and the pace (per ms) at which the running
     * ones it showed were created. See listedLate.
     */
    listed;
    /**
     * How many executions the last look that read the window from before the execution waited for
     * left past its pages (the total's rest). When it stopped before reaching that execution (read by
     * its ID instead), some of them were created before it: no later look, read from it on, shows
     * those, and they are the rest less what such a look counts after it.
     */
    pastThePages;
    constructor(rules, maxPollIntervalMs) {
        this.rules = rules;
        this.maxPollIntervalMs = maxPollIntervalMs;
    }
    /**
     * Counts the callers a look through `window` shows. `oursCreatedAt`: when the oldest execution
     * waited for that the look found was created, as QFlow wrote it.
     */
    count(search, window, now, oursCreatedAt, history) {
        const latelyFrom = now - LATELY_ENDED * this.maxPollIntervalMs;
        const runs = search.others.filter((item) => this.runs(item));
        let running = runs.length;
        const finishing = search.others.filter((item) => !this.runs(item) && item.endDate !== undefined && item.endDate > latelyFrom).length;
        // Oldest first, those the total says lie past the pages read are newer than any read: each at least
        // as likely to run as the newest read one (all of them, without a history). Not as the read ones
        // run: the page of an early job of a fleet holds runs that end about with its own, and the younger
        // part, most of it still running, would be counted at their low ratio (a job of 50 on pages of 10
        // counted a dozen callers where forty ran).
        if (search.beyond && window.order === 'createdAt') {
            const read = [...search.others, ...search.found.values()].map((e) => e.startDate ?? e.createdAt ?? now);
            const youngest = read.length ? now - Math.max(...read) : 0;
            running += expected(new Array(search.beyond).fill(youngest), history);
        }
        if (!window.fromOurs && !window.newOnTop)
            this.unseen = undefined; // a look that showed them all
        if (!window.fromOurs) {
            // A look that did not show the execution waited for keeps every running one: which of them are
            // older than it is told once a look finds it. A gateway that lists a new execution a second
            // late showed the first look part of the fleet's older executions without it; forgotten, they
            // were in no later page (those read from it on), and a job of 50 counted 15 callers where 45
            // ran. Those created just before it and listed after that look are in no page: see listedLate.
            this.earlier = runs.filter((item) => item.createdAt !== undefined && (oursCreatedAt === undefined || item.createdAt < oursCreatedAt));
            if (window.newOnTop && oursCreatedAt === undefined)
                this.listed = paceOf(this.earlier);
            // Read from before its run, the window held those listed late: on its pages or past them.
            else if (!window.newOnTop)
                this.listed = undefined;
            this.pastThePages = window.order === 'createdAt' && oursCreatedAt !== undefined ? search.beyond : undefined;
        }
        else {
            const older = this.earlier.filter((item) => oursCreatedAt === undefined || item.createdAt < oursCreatedAt);
            running += expected(older.map((item) => (item.startDate === undefined ? 0 : now - item.startDate)), history);
            if (oursCreatedAt !== undefined)
                running += expected(new Array(this.listedLate(oursCreatedAt)).fill(now - oursCreatedAt), history);
            if (oursCreatedAt !== undefined && this.pastThePages !== undefined) {
                // Between the pages read and the execution waited for: at least as old as it.
                const between = Math.max(0, this.pastThePages - search.others.length - (search.beyond ?? 0));
                running += expected(new Array(between).fill(now - oursCreatedAt), history);
            }
        }
        // Older than the page, the unseen ones are at least as old as its oldest execution.
        if (this.unseen && (window.fromOurs || window.newOnTop))
            running += expected(new Array(this.unseen.count).fill(now - this.unseen.before), history);
        return { running, finishing };
    }
    /**
     * The first look's page showed only the executions created since `before`: `count` older ones are
     * neither on it nor past successes. Most are the older part of the fleet, other callers of the same
     * budget; past failures count too, the reading that spares the budget.
     */
    offThePage(count, before) {
        if (count > 0)
            this.unseen = { count, before };
    }
    /**
     * Those created between the newest running execution the first look showed and the execution waited
     * for: listed after that look, they are in no page of a look that reads from the execution waited for
     * on. Taken as created at the pace of those the first look showed (a job of 50 started 0.5 s apart
     * on a gateway that lists new executions 10 s late counted 25 callers where 49 ran, and spent past
     * the window). No more than twice as many as the first look showed: a few created together make a
     * pace no fleet keeps for long.
     */
    listedLate(oursCreatedAt) {
        if (this.listed === undefined || oursCreatedAt <= this.listed.upTo)
            return 0;
        const between = Math.round(this.listed.perMs * (oursCreatedAt - this.listed.upTo)) - 1;
        return Math.max(0, Math.min(between, 2 * this.earlier.length));
    }
    /** The status is what QFlow says: an item not in a final status runs, whatever end date it carries. */
    runs(item) {
        const verdict = this.rules.classify(item.status);
        return verdict !== 'success' && verdict !== 'failure';
    }
}
/** When the newest of these executions was created, and the pace at which they were: two at least, apart in time. */
function paceOf(executions) {
    const created = executions.map((e) => e.createdAt);
    if (created.length < 2)
        return undefined;
    const span = Math.max(...created) - Math.min(...created);
    return span > 0 ? { upTo: Math.max(...created), perMs: (created.length - 1) / span } : undefined;
}
/**
 * How many executions of these ages still run: all without a history, else as its model says with
 * each end two spreads later. A count that runs short starves the fleet (each job spends as if alone):
 * with one spread, a run of 50 jobs on pages of 20 had 15 time out; one that runs long only slows it.
 */
function expected(ages, history) {
    if (!history)
        return ages.length;
    return Math.round(ages.reduce((sum, age) => sum + chanceStillRunning(history, age, UNSEEN_END_LATER_BY), 0));
}

;// CONCATENATED MODULE: ./src/wait/list-search.ts
/**
 * One look at the execution list: which part of it to read (the window) and the page-by-page search
 * for the executions waited for. What the pages show of the workflow's other executions is handed
 * back as it is: the history and the fleet count are worked out from it elsewhere.
 */



/** Runner and QFlow clocks may disagree: a window set from the runner's clock reaches this far beyond both ends. */
const CLOCK_SKEW_MS = 5 * 60_000;
/** The page asked for once a gateway refuses the largest: the usual size of Qualys APIs' pages. */
const PAGE_SIZE = 50;
/**
 * Every look asks for the largest page, so that one call shows the whole fleet around the executions
 * waited for: the first look, the history beside the new executions of a fan-out or of the other jobs
 * of a matrix started with this one (their executions are newer than any past run; up to 80 of them
 * leave room for 20 past runs); later looks, every job of a matrix of up to 100 from the oldest on
 * (with pages of 50, the jobs past the fiftieth paid a second page at each look). No largest size is
 * documented: a gateway that refuses it is asked for PAGE_SIZE from then on; one that sends smaller
 * pages is paged by what it sends, and read for the history apart (see past-runs.ts).
 */
const LARGEST_PAGE = 2 * PAGE_SIZE;
/** The oldest start of a list window, kept inside the 30 days the API allows even if clocks differ. */
const OLDEST_WINDOW_MS = EXECUTION_LIST_MAX_AGE_MS - 60 * 60_000;
/** Pages read per look at most: 1,000 executions, enough for a month of a busy workflow. */
const MAX_PAGES = 20;
/**
 * The first look reads the newest page of the widest window: the workflow's recent executions teach
 * the schedule how long a run takes, and new executions are at the top. After that the window starts
 * just before the oldest execution still pending (or its run), oldest first, so a short page shows
 * them; on a crowded list, at the oldest one's creation as QFlow wrote it.
 */
function windowFor({ now, pending, crowded, firstLook, existing, pageSize }) {
    // Worked out anew for each look: the 30-day limit moves with the clock during a long wait.
    const widest = now - OLDEST_WINDOW_MS;
    const created = pending.map((p) => p.createdAt);
    if (crowded && created.every((c) => c !== undefined)) {
        // QFlow's own clock: no allowance for skew, so the oldest execution waited for tops the page.
        return { startAt: Math.max(widest, Math.min(...created)), order: 'createdAt', pageSize, newOnTop: false, fromOurs: true };
    }
    const references = pending.map((p) => p.createdAt ?? p.startedAt);
    if (references.every((r) => r !== undefined) && !(firstLook && !existing)) {
        const startAt = Math.max(widest, Math.min(...references) - CLOCK_SKEW_MS);
        return { startAt, order: 'createdAt', pageSize, newOnTop: false };
    }
    return { startAt: widest, order: '-createdAt', pageSize, newOnTop: !existing };
}
/**
 * Reads the list a page at a time until every execution wanted is on it, the pages run out or
 * `maxPages` were read (a look that reads the rest of its window another way).
 */
async function findExecutions(context, window, wanted, maxPages = MAX_PAGES) {
    try {
        return await searchPages(context, window, wanted, maxPages);
    }
    catch (error) {
        // No largest page size is documented: a server that refuses the larger page is asked again with
        // the usual one (a read, so asking twice is safe).
        if (!(error instanceof QFlowApiError && (error.status === 400 || error.status === 422) && window.pageSize > PAGE_SIZE))
            throw error;
        context.log.debug(`The execution list refused pages of ${window.pageSize}; reading pages of ${PAGE_SIZE}.`);
        return searchPages(context, { ...window, pageSize: PAGE_SIZE }, wanted, maxPages);
    }
}
async function searchPages(context, window, wanted, maxPages) {
    const now = context.clock.now();
    const found = new Map();
    const others = [];
    const pager = new Pager(window.pageSize);
    let total;
    let pages = 0;
    const done = (complete) => ({
        found,
        complete,
        others,
        pages,
        ...(total !== undefined && !complete ? { beyond: Math.max(0, total - pager.seen) } : {}),
        // A gateway that sent smaller pages than asked is asked for its own size from then on: each look
        // would otherwise ask for 100 again and find out again.
        pageSize: Math.min(window.pageSize, pager.size),
    });
    let firstId;
    while (pages < maxPages) {
        const page = await context.client.listExecutions(context.workflowId, { startAt: window.startAt, endAt: now + CLOCK_SKEW_MS, order: window.order, pageSize: pager.size, pageNumber: pager.pageNumber }, context.deadline);
        pages++;
        total = page.total;
        if (pages > 1 && page.items.length > 0 && page.items[0].id === firstId) {
            // The server ignored both paging parameters: there is nothing more to read.
            context.log.debug('The execution list ignored the paging parameters; reading one page only.');
            return done(true);
        }
        firstId ??= page.items[0]?.id;
        let ours = 0;
        for (const item of page.items) {
            if (wanted.has(item.id)) {
                found.set(item.id, item);
                ours++;
            }
            else {
                others.push(item);
            }
        }
        const asked = pager.size;
        pager.advance(page.received ?? page.items.length, page.total);
        if (pager.done)
            return done(true);
        if (pager.size < asked)
            context.log.debug(`The execution list sends pages of ${pager.size}, not ${asked}; paging by that size.`);
        // Newest first, new executions come before all others: once a page holds others, the rest are
        // older; a page of nothing but new ones leaves the history on the next.
        if (window.newOnTop) {
            if (ours < page.items.length)
                return done(false);
        }
        else if (found.size === wanted.size) {
            return done(false);
        }
    }
    if (!window.newOnTop && pages === MAX_PAGES) {
        context.log.warning(`Read ${MAX_PAGES} pages of executions without finding ${wanted.size - found.size} of the executions waited for; will look again.`);
    }
    return done(false);
}

;// CONCATENATED MODULE: ./src/wait/past-runs.ts
/**
 * The workflow's past runs, read apart when the first look's page held too few of them for a history:
 * the page was filled with newer executions, the other jobs of a matrix started with this one, on a
 * gateway whose pages are smaller than the fleet. One call asks the execution list for successes only
 * (its documented `query`, QQL `status: Success`; only successes tell how long a run takes), created
 * before the oldest execution on that page (`endAt`), newest first: whatever the page size and however
 * many jobs started. A gateway that ignores the query sends the next part of the list instead; the read
 * goes on from there, while it finds no history, the list goes on and the budget has half its window left.
 */


/** QQL for the runs that tell how long the workflow takes (the query the docs give as their example). */
const PAST_RUNS_QUERY = 'status: Success';
/** Past runs read: as many as the history wants, so a read is one page even on a small-paged gateway. */
const PAST_RUNS_PAGE = 20;
/** Pages read at most where the query is ignored. */
const MAX_READS = 4;
async function readPastRuns(read) {
    const runs = [];
    let successes;
    let endAt = read.before - 1;
    let query = PAST_RUNS_QUERY;
    for (let reads = 0; reads < MAX_READS; reads++) {
        const window = { startAt: read.startAt, endAt, order: '-createdAt', pageSize: PAST_RUNS_PAGE, pageNumber: 1 };
        let page;
        try {
            page = await read.client.listExecutions(read.workflowId, query === undefined ? window : { ...window, query }, read.deadline);
        }
        catch (error) {
            // A gateway that refuses the query: the same read without it (a read, so asking twice is safe).
            if (query === undefined || !(error instanceof QFlowApiError && (error.status === 400 || error.status === 422)))
                throw error;
            read.log.debug(`The execution list refused the query "${query}"; reading past runs without it.`);
            query = undefined;
            page = await read.client.listExecutions(read.workflowId, window, read.deadline);
        }
        runs.push(...page.items);
        const honoured = query !== undefined && page.items.every((e) => read.rules.classify(e.status) === 'success');
        if (honoured)
            successes = page.total;
        if (honoured || learnDurations(runs, read.rules) !== undefined)
            break;
        if (query !== undefined)
            read.log.debug(`The execution list ignored the query "${query}"; reading on past the newest executions.`);
        query = undefined;
        const oldest = Math.min(...page.items.map((e) => e.createdAt ?? Infinity));
        const received = page.received ?? page.items.length;
        const listEnds = received === 0 || (page.total !== undefined && received >= page.total);
        if (listEnds || !Number.isFinite(oldest) || oldest > endAt || !roomToReadOn(read.budget))
            break;
        endAt = oldest - 1;
    }
    return { runs, successes };
}
/** Reading on spends calls the fleet needs for its looks: only while half the window's calls are left. */
function roomToReadOn(budget) {
    const view = budget?.view('executions');
    return view === undefined || view.remaining >= view.limit / 2;
}
/**
 * The history the past runs read apart teach together with the ended runs `onPage` (the first look's,
 * all newer than those read apart), none of `wanted` among them, and the successes counted. Together:
 * a page of 50 that holds 41 new executions and 9 past runs, and a read apart that brings 11 more,
 * teach one history of 20 runs, not one of 11, whose longest run (where a fleet short of calls makes
 * its last paid look) one run in 21 outlasts, not one in 12.
 */
async function readHistory(read, wanted, onPage = []) {
    const { runs, successes } = await readPastRuns(read);
    const seen = new Set(onPage.map((e) => e.id));
    return {
        history: learnDurations([...onPage, ...runs.filter((e) => !seen.has(e.id))].filter((e) => !wanted.has(e.id)), read.rules),
        successes,
    };
}
/**
 * The history from the first look's page, or, when that page held fewer ended runs than a history
 * read brings (filled with executions still running: a fleet started with this one, larger than the
 * gateway's page), from the past runs read apart, created before the oldest execution on the page. A
 * few runs, an outlier among them, or three that happened to end alike, would plan every look of the
 * wait. A read apart that fails is said, and the wait goes on without it.
 */
async function historyFromFirstLook(search, read, wanted) {
    const { rules } = read;
    const onPage = learnDurations(search.others, rules);
    const ended = search.others.filter((e) => rules.classify(e.status) === 'success' || rules.classify(e.status) === 'failure');
    if ((onPage?.samples ?? 0) >= TRUSTED_SAMPLES || search.complete || ended.length >= PAST_RUNS_PAGE)
        return { history: onPage, readApart: false };
    try {
        const seen = [...search.others, ...search.found.values()];
        const before = Math.min(...seen.map((e) => e.createdAt ?? Infinity));
        const past = Number.isFinite(before) ? await readHistory({ ...read, before }, wanted, search.others) : {};
        const history = past.history && past.history.samples > (onPage?.samples ?? 0) ? past.history : onPage;
        // Off the page are the past runs, the fleet's older part and the executions waited for that the
        // page did not show (newer executions of the fleet filled it): the first look's total less the
        // successes and those. Counted among the others, a job of 40 spoke of 40 others.
        const ownOff = wanted.size - search.found.size;
        const off = search.beyond !== undefined && past.successes !== undefined ? search.beyond - past.successes - ownOff : 0;
        return { history, readApart: true, ...(off > 0 ? { offThePage: { count: off, before } } : {}) };
    }
    catch (error) {
        if (error instanceof CancelledError)
            throw error;
        read.log.info(`The workflow's past runs could not be read (${messageOf(error)}); polling without them.`);
        return { history: onPage, readApart: true };
    }
}

;// CONCATENATED MODULE: ./src/wait/find-one.ts
/**
 * The one execution a job waits for, among a fleet the gateway's pages cannot show at once: read by
 * its ID (one call, its status and its creation as QFlow wrote it) rather than paging through the
 * fleet, after which looks read one page from it on (see waiter.ts).
 */


/**
 * The execution, by its ID, as a search that found it and read no list; undefined when the gateway
 * refused the read (a permission, an answer not the documented one): the list is read instead.
 */
async function readById(context, id, pageSize) {
    try {
        const execution = await context.client.getExecution(id, context.deadline);
        return { found: new Map([[id, execution]]), complete: false, others: [], pages: 1, pageSize };
    }
    catch (error) {
        if (!(error instanceof QFlowApiError) || error.transient)
            throw error;
        context.log.debug(`${messageOf(error)} Reading the execution list instead.`);
        return undefined;
    }
}
/**
 * One page of `window` (the fleet's count: its page and its total), then, when the execution is not
 * on it, the execution by its ID: two calls however far down the list it lies. Where the gateway
 * refuses the read by ID, the window is searched page by page.
 */
async function findOnAPageOrById(context, window, id) {
    const wanted = new Set([id]);
    const page = await findExecutions(context, window, wanted, 1);
    if (page.found.size > 0 || page.complete)
        return page;
    const byId = await readById(context, id, page.pageSize);
    if (byId === undefined)
        return findExecutions(context, window, wanted);
    // It lies past the page: the total counted it among the executions there.
    const beyond = page.beyond === undefined ? {} : { beyond: Math.max(0, page.beyond - 1) };
    return { ...page, found: byId.found, pages: page.pages + 1, ...beyond };
}

;// CONCATENATED MODULE: ./src/wait/budget-fit.ts


/**
 * Of the calls left in the rate-limit window beyond every caller's reserve, the most the waits
 * sharing it may plan to spend: each takes this much of what is left, divided among the callers it
 * can see. Replanned at every look, so what is left is never spent whole, and a caller that joins
 * later still finds calls.
 */
const FAIR_SHARE = 0.4;
/** What a wait for one execution needs to finish, whatever the others do: the look that sees its end and its step list. */
const FINISH_CALLS = 2;
/**
 * Slows down only when the budget cannot pay for the plan. The plan's looks over the horizon (to the
 * timeout, within one rate-limit window), each counted by the chance that the execution is still
 * running when it comes, are compared with this wait's share of the calls left:
 * - first every caller's reserve is set aside: what it needs to finish whatever the others do, the
 *   look that sees its end and a step list for each execution (callers it can see: itself and the
 *   other running executions of the workflow, each another job waiting like this one, and those
 *   that ended so lately that their jobs may not have looked since);
 * - of the rest, FAIR_SHARE, less what callers it cannot see will spend meanwhile (their pace, net
 *   of what the window gives back, over the time this execution is expected to run on), is divided
 *   among the callers it can see, each of which divides by the same count, so the fleet's plans
 *   together fit what is left whatever their pauses (a count per call of ours would spiral: the
 *   longer a wait pauses, the more others it sees per look);
 * - the share is that, and the reserved look.
 * When the plan does not fit, with a history the share buys looks where the end is likely (see
 * `nextLikelyLook`): with just the reserved look, the one look comes when the execution has most
 * likely ended. Without a history, every pause is stretched by the least factor that makes the plan
 * fit. Only when the calls left cannot pay every running caller's reserve does a wait look later than
 * its likely end (see `drawForLook`).
 */
function fitToBudget(input, budget, planned) {
    const horizonMs = Math.max(0, Math.min(input.timeLeftMs, budget.windowMs));
    const seen = Math.max(0, input.otherRunning ?? 0);
    const callers = 1 + seen;
    const pending = input.pending ?? 1;
    const reserves = 1 + pending + seen * FINISH_CALLS;
    // Some of the executions that ended lately have been seen to end by their jobs already: their
    // reserve is kept from the spare, not from what decides whether every running caller can finish.
    const finishing = Math.max(0, input.otherFinishing ?? 0) * FINISH_CALLS;
    const plannedLooks = expectedLooks(input, 1, horizonMs);
    const life = expectedLifeMs(input, horizonMs);
    // The others' pace the visible callers explain (each at about this wait's own pace); the rest is unseen.
    const unseenPerMs = Math.max(0, budget.othersPerMs - (seen * plannedLooks) / Math.max(1, life));
    const spare = FAIR_SHARE * (budget.remaining - reserves - finishing) - unseenPerMs * life;
    const stretch = (share, factor, ms, how = {}) => ({
        ms,
        stretched: {
            factor,
            plannedLooks,
            share,
            horizonMs,
            budget,
            callers,
            ...(unseenPerMs > 0 ? { unseenPerMs } : {}),
            ...(how.waitsForWindow ? { waitsForWindow: true } : {}),
            ...(how.whereLikely ? { whereLikely: how.whereLikely } : {}),
        },
    });
    if (budget.remaining < reserves) {
        const chance = budget.remaining / reserves;
        const drawn = drawForLook(input, budget, planned, callers, chance);
        return stretch(chance, drawn.ms / Math.max(1, planned), drawn.ms, { waitsForWindow: drawn.waitsForWindow });
    }
    const share = 1 + Math.max(0, spare) / callers;
    if (plannedLooks <= share)
        return { ms: planned };
    const untilOver = untilLikelyOver(input);
    if (input.history && untilOver !== undefined) {
        // The looks the share buys, no more than an earlier plan has left: planned anew at each look from
        // the share alone, k looks spread into what is left until the likely end put the next a k-th of the
        // way there each time, ever closer together (a job of 50 on pages of 10 looked 6 times in 4 s).
        const looks = Math.max(1, Math.min(Math.floor(2 * share - 1), input.likelyLooksLeft ?? Infinity));
        const ms = Math.round(Math.max(planned, Math.min(untilOver, nextLikelyLook(input, input.history, looks))));
        return stretch(share, ms / Math.max(1, planned), ms, { whereLikely: { looks } });
    }
    let fits = 2;
    while (expectedLooks(input, fits, horizonMs) > share && fits < 2 ** 20)
        fits *= 2;
    let tooShort = fits / 2;
    for (let i = 0; i < 30 && fits / tooShort > 1.001; i++) {
        const k = Math.sqrt(fits * tooShort);
        if (expectedLooks(input, k, horizonMs) <= share)
            fits = k;
        else
            tooShort = k;
    }
    // Past the likely end, or without a history, no pause goes past the longer of max-poll-interval and
    // this caller's part of the pace at which the window gives calls back: the reserved look comes then.
    // Past a history's likely end, while the calls left pay every caller's finish and a look more each,
    // not past max-poll-interval: the share is small there when the fleet has just spent a burst of
    // looks around its usual end (their pace reads as others'), yet the end is most likely near, and
    // the window's pace (20 callers: 10 minutes) would notice it that much later. Here the callers
    // whose runs ended lately count a step list each: most have seen their end by now (the fleet looks
    // most around the usual end), and counting the look too put a job whose run outlasted the history's
    // longest three minutes away when the calls left paid its look.
    // Past the likely end, when the calls left pay the finishes but not a look each, the others running
    // are mostly at their own likely ends (they read the same history): once they have made their last
    // looks, what they leave is this wait's, so it looks again then, not at the window's pace. On pages of
    // 20, a job of 50 whose run outlasted its history paused 147 s there (17 callers: up to 8 minutes)
    // while the others finished within 95 s and left 20 calls unspent.
    const nearEnd = input.history !== undefined && budget.remaining - reserves - finishing / FINISH_CALLS >= callers;
    const atWindowPace = Math.max(longestPause(input), windowPace(budget, callers, 0.5));
    const cap = nearEnd ? longestPause(input) : untilOver === undefined ? Math.min(atWindowPace, afterOthers(input, 0, callers)) : atWindowPace;
    const ms = Math.round(Math.max(planned, Math.min(cap, pauseAt(input, input.elapsedMs, input.poll, fits, input.random))));
    return stretch(share, fits, ms);
}
/**
 * The calls left pay for the reserve (a last look and the step lists) of only some of the callers,
 * `chance` of them. This wait is one of those with that chance (every caller draws alike, so about
 * as many look as can be paid), and then looks once, when its execution has most likely ended, so
 * the one look it can have is not wasted, and past then once a spread. Otherwise it lets the others
 * look first: they started about when it did, so by two to four spreads after its own likely end
 * they have made their last looks, and what they left (a count of running callers errs long, so
 * something mostly is) is its own; without a history, or should that come later, it looks at its
 * share of the pace at which the window gives calls back, jittered, so a fleet that got here together
 * does not look together.
 */
function drawForLook(input, budget, planned, callers, chance) {
    const untilOver = untilLikelyOver(input) ?? 0;
    if (input.random < chance) {
        // Past its likely end (a run that outlasts the history), once a spread, not at the plan's pace: each
        // look spends a call that another caller's finish needs. At the plan's pace, jobs of 50 on pages of
        // 10 whose history ran short looked every 3 s near their end, and others were held back for the window.
        const ms = untilOver || (input.history ? spreadOf(input.history) : 0);
        return { ms: Math.round(Math.max(planned, ms)), waitsForWindow: false };
    }
    return {
        ms: Math.round(Math.max(planned, Math.min(afterOthers(input, untilOver, callers), windowPace(budget, callers, input.random)))),
        waitsForWindow: true,
    };
}
/**
 * When the other callers, who started about when this one did and read the same history, have most
 * likely made their last looks: two to four spreads after this wait's likely end, `untilOver` from
 * now (0 once past it), jittered so that those waiting for it do not look together. Never, alone or
 * without a history.
 */
function afterOthers(input, untilOver, callers) {
    return input.history && callers > 1 ? untilOver + LIKELY_OVER_SPREADS * spreadOf(input.history) * (1 + input.random) : Infinity;
}
/** This caller's part of the pace at which the window gives calls back, jittered by `random`. */
function windowPace(budget, callers, random) {
    return ((callers * budget.windowMs) / Math.max(1, budget.limit) / FAIR_SHARE) * (1 + JITTER * (2 * random - 1));
}
/**
 * With a history, the looks go where the end is likely: `looks` of them (k), evenly spaced in the
 * chance that the execution ends, from now to when it has most likely ended. The i-th of k is made
 * only if the execution still runs, so k looks count as (k + 1) / 2 and a share buys k = 2 × share − 1.
 * The next look comes at the first of them; it plans again there, with k − 1 at most: once the first
 * is made, the others are still evenly spaced in the chance that the execution ends.
 */
function nextLikelyLook(input, history, looks) {
    const spread = spreadOf(history);
    const ended = (t) => normalCdf((t - history.medianMs) / spread);
    const over = likelyOverMs(history);
    const target = ended(input.elapsedMs) + (ended(over) - ended(input.elapsedMs)) / looks;
    let early = input.elapsedMs;
    let late = over;
    for (let i = 0; i < 40; i++) {
        const t = (early + late) / 2;
        if (ended(t) < target)
            early = t;
        else
            late = t;
    }
    return late - input.elapsedMs;
}

;// CONCATENATED MODULE: ./src/wait/schedule.ts
/**
 * When to poll next: a pure function of where the wait stands, so every branch is testable without
 * a clock. Every pause stays within [poll-interval, max-poll-interval less a twentieth for the look
 * itself], except when the subscription's API budget cannot pay for the plan (see fitToBudget).
 *
 * With a history of the workflow's durations, polls follow the chance that the execution ends: the
 * pause shrinks with the hazard (the rate at which still-running executions end at that age, from a
 * normal model of the history) to 1.25 poll-intervals at the usual duration. Long before the usual end
 * that is a long pause, capped by max-poll-interval so an early failure is still seen in time; near it
 * the pauses shrink, and past it they grow again, slowly. Without a history, or once the execution
 * runs well past its usual duration, each pause is half the time waited so far (so pauses grow by
 * half each poll), with jitter.
 *
 * The parts: timing.ts (the plan from the history), budget-fit.ts (the plan against the calls left),
 * normal.ts (the maths of the history's model).
 */



/** The pause before the next look. */
function nextPollDelay(input) {
    const ms = Math.round(pauseAt(input, input.elapsedMs, input.poll, 1, input.random));
    if (input.budget === undefined)
        return { ms };
    return fitToBudget(input, input.budget, ms);
}

;// CONCATENATED MODULE: ./src/wait/wording.ts

/** One execution's progress, as a line of the log. */
function describeOne(id, outcomes, search, started) {
    const found = search.found.get(id) ?? outcomes.get(id)?.execution;
    if (found !== undefined)
        return found.status || '(no status)';
    // The first look reads only the newest page: filled with other new executions (a fleet larger than
    // the gateway's page), it leaves out one that is listed further on, which later looks read; so does a
    // page read before QFlow listed it, which shows only older ones (a lone job on a gateway that lists late).
    const read = search.others.length + search.found.size;
    if (!search.complete && (search.beyond ?? 0) > 0 && started) {
        return `execution ${id} is not among the ${read} newest executions of the workflow (newer runs filled them, or QFlow has not listed it yet); the next look reads further.`;
    }
    return `execution ${id} is not listed yet${started ? ' (QFlow lists a new execution after a moment)' : ''}.`;
}
/** A fan-out's progress: how many executions are in each status. */
function describeMany(outcomes, pending, unlisted) {
    const counts = new Map();
    const statuses = [
        ...[...outcomes.values()].map((o) => o.execution?.status),
        ...[...pending.values()].filter((p) => p.last).map((p) => p.last.status),
    ];
    for (const status of statuses)
        counts.set(status || '(no status)', (counts.get(status || '(no status)') ?? 0) + 1);
    if (unlisted > 0)
        counts.set('not listed yet', unlisted);
    return `${outcomes.size} of ${outcomes.size + pending.size} ended; ${[...counts].map(([status, n]) => `${n} ${status}`).join(', ')}`;
}
/**
 * The one log line that says why the polls slowed down, with the figures; `pastLongest` names the
 * setting the next pause goes beyond, when it does.
 */
function describeStretch(stretch, pauseMs, pastLongest) {
    const next = `next look in ${humanDuration(pauseMs)}${pastLongest ? `, longer than ${pastLongest}` : ''}`;
    // The share counts each look by the chance that it is made (k looks where the end is likely count
    // as (k + 1) / 2): "a share of about 5 looks" and then 9 looks read as a broken promise unless said.
    const likely = stretch.whereLikely?.looks;
    const how = likely !== undefined && likely > 1
        ? `Up to ${likely} looks go where its end is most likely, each after the first made only if the execution still runs (${next}).`
        : likely !== undefined
            ? `One look goes where its end is most likely (${next}).`
            : stretch.share < 1
                ? `Looks go where its end is most likely (${next}).`
                : `Pauses are ${stretch.factor.toFixed(1)}× as long as planned (${next}).`;
    return `Polling less often to spare the subscription's API budget: ${describeShare(stretch)} ${how}`;
}
/** The figures behind a stretched pause: what was left, the callers seen, the share this wait took. */
function describeShare(stretch) {
    const { budget, callers } = stretch;
    const others = callers > 1 ? `, shared with ${callers - 1} other running execution${callers === 2 ? '' : 's'} of this workflow (other jobs polling it)` : '';
    // Counted in the share, or the line would speak of one other job beside a share of one look.
    const perMinute = Math.round((stretch.unseenPerMs ?? 0) * 60_000);
    // Faster than the window allows over its length is a burst (a fleet starting), not a pace that goes
    // on: "390 calls a minute" beside a budget of 50 a minute read as a wrong figure.
    const windowPerMinute = (budget.limit * 60_000) / budget.windowMs;
    const burst = perMinute > windowPerMinute ? `, in a burst (the window allows about ${formatCount(windowPerMinute)} a minute over its length)` : '';
    const unseen = perMinute > 0
        ? `${others ? ' and' : ', shared'} with other callers of the subscription not on the list, spending about ${perMinute.toLocaleString('en-US')} call${perMinute === 1 ? '' : 's'} a minute${burst}`
        : '';
    const plan = stretch.share < 1
        ? `not enough for the last look and step list of every running execution, so ${stretch.waitsForWindow ? (callers > 1 ? 'this wait lets the others look first' : 'this wait waits for the window to give calls back') : 'this wait looks once, when its execution has most likely ended'}`
        : `a share of about ${plural(Math.floor(stretch.share), 'look')} for this wait, which planned about ${Math.ceil(stretch.plannedLooks)} within ${humanDuration(stretch.horizonMs)}`;
    const matrix = callers > 1 ? " For many executions of one workflow, one step with 'matrix' waits for all of them with the calls of one wait." : '';
    return `${budget.remaining} of ${budget.limit} calls left in the ${humanDuration(budget.windowMs)} rate-limit window${others}${unseen}; ${plan}.${matrix}`;
}
function plural(n, noun) {
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
/** A count for a line of the log: whole when 10 or more, else to one decimal. */
function formatCount(n) {
    return (n >= 10 ? Math.round(n) : Math.round(n * 10) / 10).toLocaleString('en-US');
}

;// CONCATENATED MODULE: ./src/wait/waiter.ts
/**
 * Waits for executions to reach a final status by polling the workflow's execution list, the one
 * read the docs offer that shows every execution of the workflow at once: one look serves a single
 * execution and a fan-out of many alike, and also shows the workflow's recent runs (its history).
 */









/** Full searches of the 30-day window that may miss an existing execution before it is declared not found. */
const NOT_FOUND_SEARCHES = 3;
/** The most time the last look before the deadline is given (see lastLookAt). */
const LAST_LOOK_MS = 5000;
/** A look reads the execution list or, once, its execution by its ID: what is left is the least either says. */
const LOOKS_ALSO = ['execution'];
async function waitForExecutions(options) {
    return new ExecutionWatch(options).run();
}
/**
 * One wait: the executions still pending and what the looks have taught (the history, the fleet, the
 * budget's pauses), with its moves: the next pause, a look, taking in what the look found, finishing.
 */
class ExecutionWatch {
    options;
    names;
    random;
    waitStarted;
    pending;
    outcomes = new Map();
    /** An execution that already existed (`execution-id`) is looked at at once, and may not be found. */
    existing;
    fleet;
    /**
     * The last look starts this much before the deadline, so its answer is in by then: no call of the
     * wait goes past the timeout. At most 5 s, less in a wait shorter than ten of them.
     */
    lastLookAt;
    history;
    /** No look has succeeded yet: the next one reads the newest page, for the history. */
    firstLook = true;
    /**
     * A look had to read more than one page to find the executions waited for: the gateway's pages are
     * smaller than the fleet created around them. Later looks read from the oldest of them on, which is
     * then first on the page, while that finds them.
     */
    crowded = false;
    fromOursFinds = true;
    /** The execution waited for was read by its ID once (see readsOursAlone). */
    readOursAlone = false;
    /** The page size looks ask for: smaller once the gateway has refused the largest. */
    pageSize = LARGEST_PAGE;
    missedSearches = 0;
    unknownStatuses = new Set();
    budgetPauseMs;
    budgetNote;
    budgetSpent;
    slowedDown = false;
    /** When the last look's answer came in: the time between two looks is what a reader of the summary feels. */
    lastAnswerAt;
    /** Of the looks the last pause planned where the end is likely, those left after the one it led to. */
    likelyLooksLeft;
    /** The other callers of the same budget the last look counted (see fleet.ts). */
    callers;
    /** Every execution waited for, by ID: none of them is a past run. */
    wanted;
    constructor(options) {
        this.options = options;
        const { clock } = options;
        this.names = options.names;
        this.random = options.random ?? Math.random;
        this.waitStarted = clock.now();
        this.pending = new Map(options.executions.map(({ id, startedAt }) => [id, { startedAt }]));
        this.existing = options.executions.some((e) => e.startedAt === undefined);
        this.wanted = new Set(options.executions.map((e) => e.id));
        this.fleet = new FleetView(options.rules, options.maxPollIntervalMs);
        this.lastLookAt = options.deadline - Math.min(LAST_LOOK_MS, Math.max(0, options.deadline - clock.now()) / 10);
    }
    async run() {
        for (let poll = 1;; poll++) {
            // An execution that already existed may be over: look at once. A new one needs a moment.
            if (!(this.existing && poll === 1) && !(await this.pause(poll)))
                return this.finish('cancelled', poll - 1);
            const heldBefore = this.options.budget?.heldBack ?? 0;
            const look = await this.look(poll);
            if (look === 'look again')
                continue;
            if ('ended' in look)
                return look.ended;
            this.noteHeldLook(heldBefore);
            const ended = await this.takeIn(look.search, look.window, poll, look.alone);
            if (ended)
                return ended;
        }
    }
    /** Sleeps until the next look, as the schedule and the budget say; false when the job is cancelled. */
    async pause(poll) {
        const { options } = this;
        const { clock, log } = options;
        // The schedule follows the execution that has run longest of those still pending. Clocks of
        // runner and QFlow may differ a little: an age below zero is read as zero.
        const started = Math.min(...[...this.pending.values()].map((p) => p.last?.startDate ?? p.startedAt ?? this.waitStarted));
        const delay = nextPollDelay({
            poll,
            elapsedMs: Math.max(0, clock.now() - started),
            minMs: options.pollIntervalMs,
            maxMs: options.maxPollIntervalMs,
            history: this.history,
            pending: this.pending.size,
            budget: options.budget?.view('executions', LOOKS_ALSO),
            otherRunning: this.callers?.running,
            otherFinishing: this.callers?.finishing,
            likelyLooksLeft: this.likelyLooksLeft,
            timeLeftMs: options.deadline - clock.now(),
            random: this.random(),
        });
        const likely = delay.stretched?.whereLikely;
        this.likelyLooksLeft = likely ? likely.looks - 1 : undefined;
        if (delay.stretched) {
            const pastLongest = delay.ms > options.maxPollIntervalMs;
            const first = !this.slowedDown;
            if (first)
                log.info(describeStretch(delay.stretched, delay.ms, pastLongest ? this.names.of(Input.MaxPollInterval) : undefined));
            this.slowedDown = true;
            // Said at the end of a wait that times out, even when no pause went past max-poll-interval.
            this.budgetNote ??= describeShare(delay.stretched);
            if (pastLongest && delay.ms > (this.budgetPauseMs ?? 0)) {
                this.budgetPauseMs = delay.ms;
                this.budgetNote = describeShare(delay.stretched);
                // Each longer pause past max-poll-interval is said, with its figures: the end may be noticed
                // that late (the first line said the first one).
                if (!first)
                    log.info(`Next look in ${humanDuration(delay.ms)}, longer than ${this.names.of(Input.MaxPollInterval)}: ${this.budgetNote}`);
            }
        }
        // Nothing is sent before a throttled answer's wait is over.
        const notBefore = options.budget?.notBefore('executions', LOOKS_ALSO) ?? 0;
        const wakeAt = Math.min(Math.max(clock.now() + delay.ms, notBefore), Math.max(clock.now(), this.lastLookAt));
        try {
            await clock.sleep(wakeAt - clock.now(), options.signal);
            return true;
        }
        catch (error) {
            if (error instanceof CancelledError)
                return false;
            throw error;
        }
    }
    /**
     * A look the rate limit held back (the subscription's calls spent, by this job or others) may come
     * far later than any pause planned: the summary says so as it says a stretched pause, or a job
     * that succeeded would speak of looks a minute apart when its end was noticed minutes late.
     */
    noteHeldLook(heldBefore) {
        const now = this.options.clock.now();
        const gap = now - (this.lastAnswerAt ?? this.waitStarted);
        this.lastAnswerAt = now;
        const held = (this.options.budget?.heldBack ?? 0) > heldBefore;
        if (!held || gap <= this.options.maxPollIntervalMs || gap <= (this.budgetPauseMs ?? 0))
            return;
        this.budgetPauseMs = gap;
        this.budgetNote = `The gateway's rate limit held a look back: the subscription's calls were spent for the moment.`;
    }
    /** One look at the execution list; a failure another look may mend is said, and the wait goes on. */
    async look(poll) {
        const { clock, log } = this.options;
        const window = this.windowFor();
        try {
            const byId = this.byId(window);
            if (byId !== undefined)
                this.readOursAlone = true;
            const [id] = this.pending.keys();
            const ours = byId === 'alone' ? await readById(this.byIdContext(), id, this.pageSize) : undefined;
            if (ours)
                return { search: ours, window, alone: true };
            if (byId === 'after a page')
                return { search: await findOnAPageOrById(this.byIdContext(), window, id), window };
            return { search: await findExecutions(this.options, window, new Set(this.pending.keys())), window };
        }
        catch (error) {
            if (error instanceof CancelledError)
                return { ended: this.finish('cancelled', poll) };
            if (error instanceof DeadlineError) {
                log.warning(error.message);
                if (error.budgetSpentForMs !== undefined) {
                    const view = this.options.budget?.view('executions', LOOKS_ALSO);
                    const rate = view ? { limit: view.limit, windowMs: view.windowMs } : {};
                    const leftMs = Math.max(0, this.options.deadline - clock.now());
                    this.budgetSpent = { forMs: error.budgetSpentForMs, afterMs: clock.now() - this.waitStarted, leftMs, ...rate };
                }
                return { ended: this.finish('timed_out', poll) };
            }
            // A gateway that stays down through one look's retries may be back for the next: an outage
            // shorter than the timeout must not fail a deployment gate.
            if (!isTransient(error))
                throw error;
            log.warning(`${messageOf(error)} Will look again.`);
            return clock.now() >= this.lastLookAt ? { ended: this.finish('timed_out', poll) } : 'look again';
        }
    }
    /**
     * How the next look reads the one execution waited for by its ID, once, when paging through a fleet
     * larger than the gateway's page would cost more (then later looks read one page from it on):
     * - 'alone': the first look's page was filled with newer executions (a fleet larger than the page)
     *   and did not show it; the next look would page through the fleet from before its run (50 jobs on
     *   pages of 10: three pages a job, at about the same moment, past what the budget had planned, and
     *   18 jobs were held back for the rate limit's whole window). The first look counted the fleet.
     * - 'after a page': it has not been seen yet (QFlow lists a new one late, so the first look rarely
     *   shows it) and the next look reads the window from before its run, oldest first: one page counts
     *   the fleet (its total), and if the execution is not on it, it is read by its ID (50 jobs started
     *   at once on pages of 20: a third of them read three pages, and the window's calls ran out before
     *   every job had made its last look).
     * A fan-out pages instead: one page shows many of its executions.
     */
    byId(window) {
        const [only] = this.pending.values();
        const once = this.options.client.getExecution !== undefined &&
            !this.readOursAlone &&
            !this.existing &&
            this.pending.size === 1 &&
            only.last?.createdAt === undefined;
        if (!once)
            return undefined;
        if (this.crowded)
            return 'alone';
        return window.order === 'createdAt' && !window.fromOurs ? 'after a page' : undefined;
    }
    byIdContext() {
        return this.options;
    }
    /** Which part of the list the next look reads (see list-search.ts windowFor). */
    windowFor() {
        return windowFor({
            now: this.options.clock.now(),
            pending: [...this.pending.values()].map((p) => ({ createdAt: p.last?.createdAt, startedAt: p.startedAt })),
            crowded: this.crowded && this.fromOursFinds,
            firstLook: this.firstLook,
            existing: this.existing,
            pageSize: this.pageSize,
        });
    }
    /** Takes in what a look found: the history on the first, the callers, each execution's status. The outcome once the wait is over. */
    async takeIn(search, window, poll, alone = false) {
        const { options } = this;
        const { clock, log, rules } = options;
        this.pageSize = search.pageSize;
        if (window.fromOurs && search.found.size < this.pending.size) {
            // The gateway reads the window's start otherwise (exclusive, or rounded up): the wide window again.
            this.fromOursFinds = false;
        }
        else if (!window.fromOurs && window.order === 'createdAt' && search.pages > 1) {
            this.crowded = true;
        }
        if (this.firstLook) {
            this.firstLook = false;
            const cancelled = await this.learnHistory(search);
            if (cancelled)
                return this.finish('cancelled', poll);
        }
        const found = [...search.found.values()].map((e) => e.createdAt ?? Infinity);
        const oursCreatedAt = found.length && Number.isFinite(Math.min(...found)) ? Math.min(...found) : undefined;
        // A look that read only the execution waited for saw none of the fleet: the last count stands.
        if (!alone)
            this.callers = this.fleet.count(search, window, clock.now(), oursCreatedAt, this.history);
        let failed = false;
        for (const [id, state] of this.pending) {
            const execution = search.found.get(id);
            if (execution === undefined)
                continue;
            state.last = execution;
            const verdict = rules.classify(execution.status);
            if (verdict === 'success' || verdict === 'failure') {
                const outcome = { kind: verdict, execution };
                this.outcomes.set(id, outcome);
                this.pending.delete(id);
                failed ||= verdict === 'failure';
                options.onEnded?.(id, outcome);
            }
            else if (verdict === 'unknown' && !this.unknownStatuses.has(execution.status)) {
                this.unknownStatuses.add(execution.status);
                log.info(`QFlow reported the status '${execution.status}', which ${this.names.program} does not know; it is treated as not final. If it is final, list it in ${this.names.of(Input.SuccessStatuses)} or ${this.names.of(Input.FailureStatuses)}.`);
            }
        }
        const elapsed = humanDuration(clock.now() - this.waitStarted);
        const unlisted = [...this.pending].filter(([id]) => !search.found.has(id)).map(([id]) => id);
        const single = options.executions.length === 1;
        log.info(`[${elapsed}] ${single ? describeOne(options.executions[0].id, this.outcomes, search, !this.existing) : describeMany(this.outcomes, this.pending, unlisted.length)}`);
        if (this.pending.size === 0)
            return this.finish('success', poll);
        if (failed && options.failFast)
            return this.finish('cancelled', poll, true);
        if (this.existing && unlisted.length > 0 && search.complete && !window.fromOurs && ++this.missedSearches >= NOT_FOUND_SEARCHES) {
            throw new QFlowApiError(`Execution ${unlisted[0]} is not among the executions of workflow ${options.workflowId} of the last 30 days. Check ${this.names.of(Input.ExecutionId)} and ${this.names.of(Input.WorkflowId)} (executions older than 30 days are not available through the API).`);
        }
        if (clock.now() >= this.lastLookAt)
            return this.finish('timed_out', poll);
        return undefined;
    }
    /** The history from the first look (see historyFromFirstLook), said in the log. True when the job was cancelled meanwhile. */
    async learnHistory(search) {
        const { clock, log } = this.options;
        try {
            const learnt = await historyFromFirstLook(search, { ...this.options, startAt: clock.now() - OLDEST_WINDOW_MS }, this.wanted);
            this.history = learnt.history;
            // Later looks read from our own executions on: the page was filled with newer ones.
            if (learnt.readApart)
                this.crowded = true;
            if (learnt.offThePage)
                this.fleet.offThePage(learnt.offThePage.count, learnt.offThePage.before);
        }
        catch (error) {
            if (error instanceof CancelledError)
                return true;
            throw error;
        }
        if (this.history) {
            log.info(`Recent runs of this workflow took about ${humanDuration(this.history.medianMs)} (±${humanDuration(this.history.spreadMs)}, from ${this.history.samples} runs); polling most around then.`);
        }
        return false;
    }
    /** Ends the wait: what is still pending ends as `kind`, with its last status seen. */
    finish(kind, polls, stoppedAtFailure = false) {
        for (const [id, state] of this.pending)
            this.outcomes.set(id, { kind, execution: state.last });
        return {
            outcomes: this.outcomes,
            polls,
            budgetPauseMs: this.budgetPauseMs,
            budgetNote: this.budgetNote,
            ...(this.budgetSpent ? { budgetSpent: this.budgetSpent } : {}),
            ...(stoppedAtFailure ? { stoppedAtFailure } : {}),
        };
    }
}
/** A failure worth another look later: the connection, or a gateway down or throttling past the retries. */
function isTransient(error) {
    return error instanceof NetworkError || (error instanceof QFlowApiError && error.transient);
}

;// CONCATENATED MODULE: ./src/run/engine.ts
/**
 * The engine: checked settings → auth → start → wait → collect → a run report and the result file.
 * It knows nothing of GitHub or of any CI: what differs per front-end (where the log goes, the
 * cancellation signal, the temp folder, log sections, who is told of a started execution) comes in
 * through `Host`. The front-ends (src/action/, src/cli/) read inputs into Settings, call runQFlow and
 * publish the report their platform's way.
 */




















/** After the wait, collecting the steps and step data may take at least this long, even at the timeout. */
const COLLECT_MS = 60_000;
/**
 * And at most this long, whatever the timeout leaves: the outcome is known, and a subscription whose
 * budget is spent (a large matrix) would otherwise hold the job for the step details until the window
 * gives calls back, most of an hour.
 */
const COLLECT_MAX_MS = 5 * 60_000;
/** Runs (or waits for) the executions the settings ask for, and writes the result file. Never throws for what QFlow did. */
async function runQFlow(settings, host) {
    const { clock, log } = host;
    const budget = new ApiBudget(clock);
    const http = new ApiHttp({
        baseUrl: settings.gatewayUrl,
        requestTimeoutMs: settings.requestTimeoutMs,
        signal: host.signal,
        log,
        clock,
        agent: host.agent,
        budget,
        tokens: (login) => createTokenSource(settings.credentials, login, clock, (secret) => host.registerSecret(secret), log, settings.names),
        names: settings.names,
    });
    const run = {
        settings,
        host,
        client: new QFlowClient(http, clock, settings.names),
        budget,
        rules: new StatusRules(settings.successStatuses, settings.failureStatuses),
        deadline: clock.now() + settings.timeoutMs,
        workDir: external_node_path_default().join(host.tempDir, `qflow-work-${process.pid}-${clock.now()}`),
    };
    const fanOut = isFanOut(settings.plan);
    const { workflowId, names } = settings;
    const progress = { executions: [] };
    let interruption;
    try {
        interruption = await execute(run, progress);
    }
    catch (error) {
        interruption = { kind: 'thrown', error };
    }
    const { apiCalls, heldBack } = http;
    // Calls held back count among those made (they were sent), but not against the budget: said apart.
    const held = heldBack > 0 ? ` (${heldBack} of them held back by the gateway's limits)` : '';
    log.info(`Made ${apiCalls} QFlow API call${apiCalls === 1 ? '' : 's'}${held}.`);
    const report = {
        workflowId,
        names,
        fanOut,
        workDir: run.workDir,
        ...progress,
        ...conclude(progress.executions, fanOut, interruption),
        apiCalls,
    };
    const outputFile = await writeResult(report, settings.outputFile, host);
    return { ...report, outputFile, outputFileChosen: settings.outputFile !== undefined };
}
/** The run's steps, each putting what it produced in `progress` as it ends: check, start (or attach, or only show the run requests), wait, collect. */
async function execute(run, progress) {
    const { settings, host } = run;
    // Where the result goes is checked before any call: a run that starts must be able to say how it ended.
    if (settings.outputFile !== undefined)
        await prepareOutputFile(settings.names.subject(Input.OutputFile), settings.outputFile);
    // One read of the workflow's definition before any run call, when it can catch a mistake; else after the wait, for the summary.
    const checkFirst = worthReading(settings);
    if (checkFirst)
        progress.definition = await host.group('Check the workflow', () => checkAgainstDefinition(run.client, settings, host.log, run.deadline));
    const begun = await begin(run, settings.plan, progress);
    progress.executions = begun.executions;
    const started = begun.executions.filter((e) => e.executionId !== undefined);
    if (settings.plan.kind === 'start' && !settings.plan.wait) {
        progress.executions = begun.executions.map((e) => (e.executionId === undefined ? e : { ...e, result: 'started' }));
        return begun.interruption;
    }
    if (started.length === 0)
        return begun.interruption;
    const outcome = await waitFor(run, started);
    progress.executions = afterWait(progress.executions, outcome, settings.timeoutMs, settings.names);
    progress.budgetPauseMs = outcome.budgetPauseMs;
    progress.budgetNote = outcome.budgetNote;
    const now = host.clock.now();
    const collectBy = Math.max(now + COLLECT_MS, Math.min(run.deadline, now + COLLECT_MAX_MS));
    const [collected, forSummary] = await host.group('Collect the results', () => 
    // Beside the step lists, not after them: the summary's read adds a call, not its time, to the step.
    Promise.all([collectAll(run, progress.executions, collectBy), checkFirst ? {} : readForSummary(run, progress.executions, outcome)]));
    Object.assign(progress, forSummary);
    // An execution that ended in failure (not a run call that failed: its message says why already).
    progress.executions = collected.map((e) => e.result === 'failure' && e.executionId !== undefined ? { ...e, message: failureMessage(e, progress.definition) } : e);
    return begun.interruption;
}
/** The executions the plan begins with: those it started, the one it waits for, or the run requests a dry run shows. */
async function begin(run, plan, progress) {
    switch (plan.kind) {
        case 'dry-run':
            return dryRun(run, plan.runs, plan.fanOut, progress.definition);
        case 'attach':
            return { executions: [executionReport(1, undefined, plan.executionId)] };
        case 'start': {
            const title = plan.runs.length > 1 ? `Start ${plan.runs.length} executions of the QFlow workflow` : 'Start the QFlow workflow';
            return run.host.group(title, () => startAll(run, plan.runs, progress));
        }
    }
}
/**
 * Removes the step data the run downloaded. Called by the front-end once it has published the
 * report: the outputs read small step data back from these files.
 */
async function disposeRun(report) {
    if (report.workDir !== undefined)
        await removeWorkDir(report.workDir);
}
function executionReport(item, request, executionId) {
    return { item, request, executionId, result: 'failure', status: '', steps: [], failedSteps: [], stepOutputs: [], stepInputs: [] };
}
/**
 * Starts every run request; each execution ID is an output as soon as its run call answers, and in
 * the progress, so a cancellation meanwhile still names it.
 */
async function startAll(run, requests, progress) {
    const { settings, host, client, deadline } = run;
    const many = requests.length > 1;
    const runs = await startExecutions(client, settings.workflowId, requests, settings.maxParallel, host.clock, deadline, (started) => {
        if (started.executionId === undefined)
            return;
        const ids = progress.executions.flatMap((e) => e.executionId ?? []);
        // Told at once, so later steps have it even if the job is cancelled during the wait.
        host.onStarted?.([...ids, started.executionId]);
        progress.executions = [
            ...progress.executions,
            { ...executionReport(started.item, started.request, started.executionId), sentAt: started.sentAt },
        ];
        host.log.info(`Started execution ${started.executionId} of workflow ${settings.workflowId}${many ? ` (item ${itemName(started.item, started.request)}${describeVariables(started.request)})` : ''}.`);
    });
    const byItem = new Map(progress.executions.map((e) => [e.item, e]));
    const executions = runs.map((r) => {
        const e = byItem.get(r.item) ?? executionReport(r.item, r.request);
        if (r.error) {
            const why = whyNotStarted(r.error);
            if (many)
                host.log.warning(`Item ${itemName(r.item, r.request)}${describeVariables(r.request)}: ${why.message}`);
            return { ...e, ...why };
        }
        if (r.sentAt === undefined)
            return { ...e, result: 'cancelled', message: 'Not started: the job was cancelled.' };
        return e;
    });
    const error = runs[0].error;
    return { executions, ...(!many && error ? { interruption: { kind: 'not-started', error } } : {}) };
}
/** What a run call that did not answer with an execution means for its item. */
function whyNotStarted(error) {
    // The run call was on its way when the job was cancelled: QFlow may have acted on it.
    if (error instanceof RunCancelledError)
        return { result: 'cancelled', message: error.message };
    if (error instanceof CancelledError)
        return { result: 'cancelled', message: 'Not started: the job was cancelled before the run call was sent.' };
    // Held back by the gateway until past the timeout: the call was not acted on.
    if (error instanceof DeadlineError)
        return { result: 'timed_out', message: `${error.message} No execution was started.` };
    return { result: 'failure', message: error.message };
}
function describeVariables(request) {
    const shown = Object.entries(maskSecrets(request.variables ?? {})).map(([k, v]) => `${k}: ${String(v)}`);
    return shown.length ? `, ${shown.join(', ')}` : '';
}
/** Waits for every execution started, within the deadline and the budget. */
function waitFor(run, started) {
    const { settings, host } = run;
    const many = started.length > 1;
    const items = new Map(started.map((e) => [e.executionId, itemName(e.item, e.request)]));
    return host.group(many ? `Wait for ${started.length} executions` : `Wait for execution ${started[0].executionId}`, () => waitForExecutions({
        client: run.client,
        workflowId: settings.workflowId,
        executions: started.map((e) => ({ id: e.executionId, startedAt: e.sentAt })),
        deadline: run.deadline,
        pollIntervalMs: settings.pollIntervalMs,
        maxPollIntervalMs: settings.maxPollIntervalMs,
        rules: run.rules,
        budget: run.budget,
        failFast: settings.failFast,
        onEnded: many ? (id, o) => host.log.info(`Item ${items.get(id)}: execution ${id} ended: ${o.execution?.status}.`) : undefined,
        clock: host.clock,
        log: host.log,
        signal: host.signal,
        names: settings.names,
    }));
}
/**
 * Why an execution failed: its status and the steps that failed, each by its name where the
 * definition was read, with the step's own message where the step list gives one.
 */
function failureMessage(e, definition) {
    const names = new Map(definition?.components.map((c) => [c.id, c.name]));
    const shown = e.failedSteps.slice(0, 3).map((step) => {
        const name = names.get(step.nodeId);
        const said = step.message ? `: ${plainText(step.message, 300)}` : '';
        return `${name && name !== step.nodeId ? `"${plainText(name)}" (${step.nodeId})` : step.nodeId}${said}`;
    });
    const more = e.failedSteps.length > 3 ? ` and ${e.failedSteps.length - 3} more` : '';
    const steps = shown.length ? `; failed step${e.failedSteps.length === 1 ? '' : 's'}: ${shown.join('; ')}${more}` : '';
    return `QFlow execution ${e.executionId} ended with status '${e.status}'${steps}.`;
}
/** Shows the run requests the settings would send, secrets masked, and starts nothing. */
function dryRun(run, requests, fanOut, definition) {
    const { workflowId } = run.settings;
    const executions = requests.map((request, i) => ({ ...executionReport(i + 1, request), result: 'validated' }));
    for (const e of executions) {
        const body = {
            ...(e.request?.input ? { input: e.request.input } : {}),
            ...(e.request?.variables ? { variables: maskSecrets(e.request.variables) } : {}),
        };
        run.host.log.info(`Dry run: would send POST /qflowapi/v1/workflows/${workflowId}/run with ${JSON.stringify(body)}${fanOut ? ` (item ${itemName(e.item, e.request)})` : ''}.`);
    }
    const checked = definition ? 'the workflow, its variables and node IDs' : 'the workflow (its definition could not be read)';
    const message = `Dry run: the gateway, the login and ${checked} were checked; ${requests.length} run request${requests.length === 1 ? '' : 's'} shown, nothing started.`;
    return { executions, interruption: { kind: 'dry-run', message } };
}

;// CONCATENATED MODULE: external "node:tls"
const external_node_tls_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");
var external_node_tls_default = /*#__PURE__*/__nccwpck_require__.n(external_node_tls_namespaceObject);
;// CONCATENATED MODULE: ./src/qflow/proxy.ts
/**
 * The way to the gateway through a proxy, for both front-ends: `HTTPS_PROXY` (or `HTTP_PROXY` for an
 * http gateway), in either case, with `NO_PROXY` naming the hosts reached directly, as curl and most
 * CI tools read them. Each connection is a tunnel opened with `CONNECT`, so the proxy never sees the
 * requests, the token or the answers (TLS runs end to end inside it); credentials in the proxy URL
 * go in `Proxy-Authorization`. Node's own agents do the rest (keep-alive, socket limits).
 */



/** How long the proxy may take to open a tunnel. */
const CONNECT_TIMEOUT_MS = 30_000;
/** An agent factory when `env` names a proxy for the gateway's URL; undefined for direct connections. */
function proxyAgentFrom(env) {
    const read = (name) => env[name.toLowerCase()] || env[name.toUpperCase()] || undefined;
    if (!read('https_proxy') && !read('http_proxy'))
        return undefined;
    return (url, keepAlive) => {
        const variable = url.protocol === 'https:' ? 'HTTPS_PROXY' : 'HTTP_PROXY';
        const proxy = read(variable);
        if (proxy === undefined || bypasses(read('no_proxy') ?? '', url))
            return Promise.resolve(undefined);
        return Promise.resolve(tunnelAgent(new URL(proxy.includes('://') ? proxy : `http://${proxy}`), variable, url.protocol === 'https:', keepAlive));
    };
}
/** Whether `NO_PROXY` (comma-separated host names, domain suffixes, `host:port`, or `*`) names the URL's host. */
function bypasses(noProxy, url) {
    const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    return noProxy
        .split(/[\s,]+/)
        .filter(Boolean)
        .some((entry) => {
        if (entry === '*')
            return true;
        const [name, onlyPort] = entry.toLowerCase().split(/:(?=\d+$)/);
        if (onlyPort !== undefined && onlyPort !== port)
            return false;
        const domain = name.replace(/^\*?\./, '');
        return host === domain || host.endsWith(`.${domain}`);
    });
}
/**
 * A Node agent whose every connection is a `CONNECT` tunnel through `proxy` (named in `variable`), TLS
 * inside it for an https gateway. Its failures name the proxy, never the gateway: a dead proxy is no
 * gateway refusing connections.
 */
function tunnelAgent(proxy, variable, secure, keepAlive) {
    const Base = secure ? (external_node_https_default()).Agent : (external_node_http_default()).Agent;
    const agent = new Base({ keepAlive, maxSockets: 8 });
    const open = (options, done) => {
        const target = `${options.host}:${options.port}`;
        const auth = proxy.username
            ? `Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64')}`
            : undefined;
        const request = (proxy.protocol === 'https:' ? (external_node_https_default()) : (external_node_http_default())).request({
            host: proxy.hostname,
            port: proxy.port || (proxy.protocol === 'https:' ? 443 : 80),
            method: 'CONNECT',
            path: target,
            headers: { host: target, ...(auth ? { 'proxy-authorization': auth } : {}) },
            timeout: CONNECT_TIMEOUT_MS,
        });
        request.once('connect', (answer, socket) => {
            if (answer.statusCode !== 200) {
                socket.destroy();
                // The proxy's refusal, never its URL: that may carry a password.
                done(new Error(`the proxy ${proxy.host} (${variable}) refused to open a tunnel to ${target} (HTTP ${answer.statusCode})`));
                return;
            }
            done(null, secure ? external_node_tls_default().connect({ ...options, socket, servername: options.servername ?? options.host ?? undefined }) : socket);
        });
        request.once('timeout', () => request.destroy(new Error(`the proxy ${proxy.host} (${variable}) did not open a tunnel to ${target} within ${CONNECT_TIMEOUT_MS / 1000}s`)));
        // Its own words, without the code that would have it read as the gateway's refusal.
        request.once('error', (error) => done(new Error(`the proxy ${proxy.host} (${variable}) could not be reached${error.code ? ` (${error.code})` : `: ${error.message}`}`)));
        request.end();
    };
    // Node's agents take the socket from this callback when createConnection returns nothing.
    Object.assign(agent, { createConnection: open });
    return agent;
}

;// CONCATENATED MODULE: ./src/cli/arguments.ts
/**
 * The command line of `qflow-run`: the action's inputs as flags (`--workflow-id`), the command's own
 * flags for where its result goes, and the help that lists them all.
 */



/** The command's own flags, besides the action's inputs. */
const OWN_FLAGS = [
    { name: 'json', description: 'Print the result as one JSON document on stdout (the result file; step data up to 16 MiB in all).' },
    {
        name: 'dotenv',
        value: 'FILE',
        description: 'Write QFLOW_OUT_EXECUTION_ID, QFLOW_OUT_STATUS, QFLOW_OUT_RESULT and the other one-line outputs as KEY=VALUE lines (names a later qflow-run never reads as its settings).',
    },
    { name: 'summary', value: 'FILE', description: 'Write the summary as Markdown (a merge-request note, a build artifact).' },
    {
        name: 'ci',
        value: 'azure|plain',
        description: "How to speak to the CI: azure for Azure Pipelines' logging commands (issues, the summary tab, output variables QFLOW_OUT_EXECUTION_ID, _STATUS, _RESULT, _OUTPUT_FILE); plain for none. Default: azure on an Azure agent (TF_BUILD), else plain.",
    },
    { name: 'help', description: 'Show this help.' },
    { name: 'version', description: 'Show the version.' },
];
/** `--name value`, `--name=value`, and a bare `--name` for a true/false flag. */
function parseArguments(argv) {
    const parsed = { values: new Map(), json: false, help: false, version: false };
    const byName = new Map(FLAGS.map((f) => [f.name, f]));
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const match = /^--([a-z][a-z-]*)(?:=(.*))?$/s.exec(arg);
        if (!match)
            throw new Error(`'${arg}' is not a flag. Expected flags such as --workflow-id <uuid>.`);
        const [, name, inline] = match;
        const own = OWN_FLAGS.find((f) => f.name === name);
        const flag = byName.get(name);
        if (!own && !flag) {
            if (GITHUB_ONLY.includes(name))
                throw new Error(`Unknown flag --${name}. It is for the GitHub Action only.`);
            throw new Error(unknownFlag(name, [...FLAGS.map((f) => f.name), ...OWN_FLAGS.map((f) => f.name)]));
        }
        const takesValue = own ? own.value !== undefined : true;
        const boolean = flag !== undefined && (flag.default === 'true' || flag.default === 'false');
        let value = inline;
        if (value === undefined && takesValue) {
            const next = argv[i + 1];
            if (next !== undefined && !(boolean && next.startsWith('--')))
                value = argv[++i];
            else if (boolean)
                value = 'true';
            else
                throw new Error(`Flag --${name} needs a value.`);
        }
        if (own) {
            if (name === 'json' || name === 'help' || name === 'version')
                parsed[name] = true;
            else
                parsed[name] = value;
        }
        else {
            parsed.values.set(name, value ?? '');
        }
    }
    return parsed;
}
function help() {
    const width = 28;
    const row = (left, right) => `  ${left.padEnd(width)}${right}\n`;
    let text = `qflow-run ${VERSION}: run a Qualys Flow (QFlow) workflow and wait for its result.\n\n`;
    text +=
        'Usage: qflow-run --gateway-url URL --workflow-id UUID [flags]   (secrets from the environment: QFLOW_TOKEN, QFLOW_CLIENT_SECRET, QFLOW_PASSWORD)\n\n';
    text += 'Flags (each also read from the environment variable shown):\n';
    for (const flag of FLAGS) {
        const fallback = flag.default !== '' ? ` Default: ${flag.default}.` : '';
        text += row(`--${flag.name}`, `${flag.variable}${flag.secret ? ' (set it there, not as a flag)' : ''}`);
        text += `  ${' '.repeat(width)}${flag.description}${fallback}\n`;
    }
    text += '\nOutput:\n';
    for (const own of OWN_FLAGS)
        text += row(`--${own.name}${own.value ? ` ${own.value}` : ''}`, own.description);
    text +=
        '\nExit codes: 0 succeeded (or started, with --wait false; or checked, with --dry-run); 1 the execution did not succeed; 2 bad flags or input;\n';
    text += '3 timed out; 4 no result for another reason (API error, login, a run call whose outcome is unknown); 130 cancelled.\n';
    return text;
}

;// CONCATENATED MODULE: ./src/cli/azure.ts
/**
 * Azure Pipelines, the way it reads a step: logging commands on stdout (`##vso[…]`). Errors and
 * warnings become issues on the run page (`task.logissue`), the summary a tab of it
 * (`task.uploadsummary`), and the execution ID, status and result output variables a later step or
 * job reads (`task.setvariable … isOutput=true`). Detected by `TF_BUILD` (set by every Azure agent),
 * or asked for with `--ci azure`.
 */



/** The output variables set: a later step reads `$(<step name>.QFLOW_OUT_EXECUTION_ID)`. */
const AZURE_OUTPUTS = [Output.ExecutionId, Output.Status, Output.Result, Output.OutputFile];
/** Whether the command runs on an Azure Pipelines agent. */
function onAzure(env) {
    return (env.TF_BUILD ?? '').toLowerCase() === 'true';
}
/**
 * A logging command's message: a line break or a `%` in it would end or change the command, so they
 * are encoded the way the agent decodes them.
 */
function escapeData(text) {
    return text.replace(/%/g, '%AZP25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
/** A logging command's property value: `;` and `]` end it besides. */
function escapeProperty(text) {
    return escapeData(text).replace(/;/g, '%3B').replace(/]/g, '%5D');
}
/** An error or a warning as an issue on the run page. */
function azureIssue(kind, message) {
    return `##vso[task.logissue type=${kind}]${escapeData(message)}`;
}
/** The output variables, one logging command each. */
function azureVariables(values, name) {
    return AZURE_OUTPUTS.map((output) => `##vso[task.setvariable variable=${escapeProperty(name(output))};isOutput=true]${escapeData(values.get(output) ?? '')}`);
}
/**
 * Writes the summary where the agent keeps the build's files (`AGENT_TEMPDIRECTORY`, else `dir`) unless a
 * file was given, and returns the command that shows it as a tab of the run page.
 */
async function azureSummary(summary, file, env, dir) {
    const target = external_node_path_default().resolve(file ?? external_node_path_default().join(env.AGENT_TEMPDIRECTORY || dir, `qflow-summary-${process.pid}.md`));
    if (file === undefined)
        await (0,promises_namespaceObject.writeFile)(target, summary);
    return `##vso[task.uploadsummary]${escapeData(target)}`;
}

;// CONCATENATED MODULE: ./src/cli/terminal.ts

class Terminal {
    io;
    redactor;
    /** Speak Azure Pipelines' logging commands (see azure.ts). */
    azure = false;
    /** The result goes to stdout as one JSON document: logging commands go to stderr instead. */
    json = false;
    stderrOpen = true;
    stdoutOpen = true;
    colour;
    constructor(io, redactor, env) {
        this.io = io;
        this.redactor = redactor;
        this.colour = io.stderr.isTTY === true && (env.NO_COLOR ?? '') === '';
        io.stderr.on('error', () => (this.stderrOpen = false));
        io.stdout.on('error', (error) => {
            if (error.code !== 'EPIPE')
                this.say(this.paint('33', `warning: could not write to stdout: ${error.message}`));
            this.stdoutOpen = false;
        });
    }
    /** A line of the log. */
    say(text) {
        if (this.stderrOpen)
            this.io.stderr.write(`${this.redactor.text(text)}\n`);
    }
    /** Text in an ANSI colour (`code`), on a terminal. */
    paint(code, text) {
        return this.colour ? `\u001b[${code}m${text}\u001b[0m` : text;
    }
    /** The result, as the user asked for it on stdout. */
    stdout(text) {
        if (this.stdoutOpen)
            this.io.stdout.write(text);
    }
    /** An Azure Pipelines logging command; nothing elsewhere. */
    command(line) {
        if (!this.azure)
            return;
        if (this.json)
            this.say(line);
        else
            this.stdout(`${this.redactor.text(line)}\n`);
    }
    // On Azure an error or a warning is its issue, which the log shows in its place: said once, not twice.
    warn(text) {
        if (this.azure)
            this.command(azureIssue('warning', text));
        else
            this.say(this.paint('33', `warning: ${text}`));
    }
    /** An error; returns the exit code given, for `return terminal.fail(…)`. */
    fail(code, text) {
        if (this.azure)
            this.command(azureIssue('error', text));
        else
            this.say(this.paint('31', `error: ${text}`));
        return code;
    }
}
/**
 * The log's lines, one per change of status: a look's line ("[12s] Running") that says what the last
 * look's said is left out, whatever came between them (a note on the budget), and so is a line said
 * twice in a row.
 */
function onePerChange(say) {
    let lastLook;
    let last;
    return (message) => {
        const look = /^\[[^\]]*\] /.exec(message);
        const news = look ? message.slice(look[0].length) : message;
        if (look && news === lastLook)
            return;
        if (look)
            lastLook = news;
        if (news !== last)
            say(message);
        last = news;
    };
}

;// CONCATENATED MODULE: ./src/cli/main.ts
/**
 * `qflow-run`: the engine for every CI that is not GitHub (GitLab CI, Jenkins, Azure Pipelines) and
 * for a terminal. Flags are the action's input names (`--workflow-id`), each also read from
 * `QFLOW_<NAME>`; the log goes to stderr, one line per change; the result goes where the platform
 * wants it: JSON on stdout (`--json`), KEY=VALUE lines for a dotenv report (`--dotenv`), the summary
 * as Markdown (`--summary`); the exit code says how it ended.
 */

















/** How the command ended, for the CI that runs it (the README has the table). */
const EXIT = { success: 0, failed: 1, usage: 2, timedOut: 3, noResult: 4, cancelled: 130 };
/** Runs the command; resolves with its exit code. */
async function main(argv, env, io = process, signals = process) {
    const redactor = new Redactor();
    const terminal = new Terminal(io, redactor, env);
    let parsed;
    try {
        parsed = parseArguments(argv);
    }
    catch (error) {
        return terminal.fail(EXIT.usage, `${error.message} See qflow-run --help.`);
    }
    terminal.json = parsed.json;
    if (parsed.ci !== undefined && parsed.ci !== 'azure' && parsed.ci !== 'plain') {
        return terminal.fail(EXIT.usage, `Flag --ci is "${parsed.ci}". Expected azure or plain.`);
    }
    terminal.azure = parsed.ci === undefined ? onAzure(env) : parsed.ci === 'azure';
    if (parsed.help) {
        terminal.stdout(help());
        return EXIT.success;
    }
    if (parsed.version) {
        terminal.stdout(`qflow-run ${VERSION}\n`);
        return EXIT.success;
    }
    for (const flag of FLAGS.filter((f) => f.secret && parsed.values.has(f.name))) {
        terminal.warn(`--${flag.name} was given on the command line, where process lists and shell history show it. Set ${flag.variable} in the environment instead.`);
    }
    const misspelt = misspeltVariable(env);
    if (misspelt !== undefined)
        return terminal.fail(EXIT.usage, misspelt);
    const sources = new SettingSources(env);
    sources.flags = parsed.values;
    const blank = sources.blankExecutionId();
    if (blank !== undefined)
        return terminal.fail(EXIT.usage, blank);
    const cancel = new AbortController();
    const onSignal = (signal) => {
        if (cancel.signal.aborted)
            return;
        terminal.say(`Received ${signal}: stopping the wait.`);
        cancel.abort(new CancelledError());
    };
    signals.on('SIGINT', onSignal);
    signals.on('SIGTERM', onSignal);
    let report;
    try {
        const settings = await checkedSettings(sources, parsed, redactor);
        report = await run(settings, parsed, { terminal, redactor, env, signal: cancel.signal });
        return await main_conclude(report, parsed, { terminal, redactor, env });
    }
    catch (error) {
        const message = error instanceof UsageError ? error.message : messageOf(error);
        return terminal.fail(error instanceof UsageError ? EXIT.usage : EXIT.noResult, message);
    }
    finally {
        if (report)
            await disposeRun(report);
        signals.off('SIGINT', onSignal);
        signals.off('SIGTERM', onSignal);
    }
}
/** The settings, files and all, checked before any call: a run that starts must be able to say how it ended. */
async function checkedSettings(sources, parsed, redactor) {
    const usage = (error) => {
        if (error instanceof InputError)
            throw new UsageError(error.message);
        throw error;
    };
    await sources.readFiles().catch(usage);
    const settings = await readSettings((name) => sources.read(name), (secret) => redactor.add(secret), sources.names).catch(usage);
    const sinks = [
        ['--summary', parsed.summary, 'qflow.md'],
        ['--dotenv', parsed.dotenv, 'qflow.env'],
    ];
    for (const [flag, file, example] of sinks) {
        if (file !== undefined)
            await prepareOutputFile(`Flag ${flag}`, file, example).catch(usage);
    }
    // Two sinks in one file (the result file's included): the last written would hold it, the other lost.
    const given = [...sinks, [sources.nameOf(Input.OutputFile), settings.outputFile]]
        .filter(([, file]) => file !== undefined)
        .map(([name, file]) => [name, external_node_path_default().resolve(file)]);
    for (const [i, [name, file]] of given.entries()) {
        const same = given.slice(i + 1).find(([, other]) => other === file);
        if (same)
            throw new UsageError(`${name} and ${same[0]} name the same file, ${quote(file)}. Expected a file of its own for each.`);
    }
    return settings;
}
/** The engine, run with the command's log (one line per change of status) and its dotenv told of each execution started. */
async function run(settings, parsed, { terminal, redactor, env, signal }) {
    let started;
    const report = await runQFlow(settings, {
        log: {
            info: onePerChange((line) => terminal.say(line)),
            debug: (message) => {
                if (env.QFLOW_DEBUG === '1' || env.RUNNER_DEBUG === '1')
                    terminal.say(terminal.paint('2', message));
            },
            warning: (message) => terminal.warn(message),
        },
        signal,
        clock: systemClock,
        tempDir: tempDirOf(env),
        redactor,
        registerSecret: (secret) => redactor.add(secret),
        group: async (title, body) => {
            terminal.say(terminal.paint('1', `== ${title}`));
            return body();
        },
        agent: proxyAgentFrom(env),
        onStarted: (ids) => {
            // One write after another: a matrix reports each run call as it answers.
            const file = parsed.dotenv;
            if (file !== undefined)
                started = (started ?? Promise.resolve()).then(() => writeStartedDotenv(file, ids).catch(() => undefined));
        },
    });
    await started;
    return report;
}
/** Publishes the report where the user asked (and to Azure on its agent), says how the run ended, and gives the exit code. */
async function main_conclude(report, parsed, { terminal, redactor, env }) {
    const summary = () => redactor.text(summaryMarkdown(report));
    const published = await publish(report, parsed, summary, (text) => terminal.stdout(text), redactor);
    for (const warning of published.warnings)
        terminal.warn(warning);
    if (terminal.azure) {
        for (const line of azureVariables(published.values, outputVariable))
            terminal.command(line);
        terminal.command(await azureSummary(summary(), parsed.summary, env, tempDirOf(env)));
    }
    // The summary points here for a result file the user did not place (it is in the temp folder).
    if (report.outputFile !== undefined && !report.outputFileChosen) {
        terminal.say(`Result file: ${report.outputFile} (in the temp folder; --output-file puts it where the job's artifacts can pick it up).`);
    }
    const code = EXIT_CODES[report.ending];
    if (code !== EXIT.success) {
        const message = redactor.text(report.message ?? `The QFlow run ended as ${report.result}.`);
        // A mistake or an error of the run is an error; an execution that failed or timed out is its outcome.
        // On Azure each is an issue of the step (a timeout too: the step fails, so a gate holds).
        if (terminal.azure)
            terminal.command(azureIssue(code === EXIT.cancelled ? 'warning' : 'error', message));
        else
            terminal.say(terminal.paint(code === EXIT.cancelled ? '33' : '31', code === EXIT.usage || code === EXIT.noResult ? `error: ${message}` : message));
    }
    return code;
}
/** The CI's own temp folder (Azure's, GitHub's), else the system's. */
function tempDirOf(env) {
    return env.AGENT_TEMPDIRECTORY || env.RUNNER_TEMP || env.TMPDIR || external_node_os_default().tmpdir();
}
/** A bad flag or input, before any call: exit 2. */
class UsageError extends Error {
}
/** The exit code of each ending of a run (see the README's exit codes). */
const EXIT_CODES = {
    succeeded: EXIT.success,
    cancelled: EXIT.cancelled,
    'bad-input': EXIT.usage,
    'no-result': EXIT.noResult,
    'timed-out': EXIT.timedOut,
    failed: EXIT.failed,
};


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 7349:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveBlockMap = __nccwpck_require__(7103);
var resolveBlockSeq = __nccwpck_require__(334);
var resolveFlowCollection = __nccwpck_require__(3142);

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = identity.isNode(res)
        ? res
        : new Scalar.Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

exports.composeCollection = composeCollection;


/***/ }),

/***/ 3683:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Document = __nccwpck_require__(3021);
var composeNode = __nccwpck_require__(5937);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document.Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps.resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode.composeNode(ctx, value, props, onError)
        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

exports.composeDoc = composeDoc;


/***/ }),

/***/ 5937:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var composeCollection = __nccwpck_require__(7349);
var composeScalar = __nccwpck_require__(5413);
var resolveEnd = __nccwpck_require__(7788);
var utilEmptyScalarPosition = __nccwpck_require__(2599);

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar.composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!identity.isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar.composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias.Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

exports.composeEmptyNode = composeEmptyNode;
exports.composeNode = composeNode;


/***/ }),

/***/ 5413:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[identity.SCALAR];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar.Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[identity.SCALAR]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[identity.SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[identity.SCALAR];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

exports.composeScalar = composeScalar;


/***/ }),

/***/ 9984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var directives = __nccwpck_require__(1342);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var identity = __nccwpck_require__(1127);
var composeDoc = __nccwpck_require__(3683);
var resolveEnd = __nccwpck_require__(7788);

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new errors.YAMLWarning(pos, code, message));
            else
                this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new directives.Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (identity.isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        if (node_process.env.LOG_STREAM)
            console.dir(token, { depth: null });
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document.Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

exports.Composer = Composer;


/***/ }),

/***/ 7103:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilFlowIndentCheck = __nccwpck_require__(4051);
var utilMapIncludes = __nccwpck_require__(1187);

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps.resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps.resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

exports.resolveBlockMap = resolveBlockMap;


/***/ }),

/***/ 8913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

exports.resolveBlockScalar = resolveBlockScalar;


/***/ }),

/***/ 334:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var YAMLSeq = __nccwpck_require__(2223);
var resolveProps = __nccwpck_require__(4631);
var utilFlowIndentCheck = __nccwpck_require__(4051);

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

exports.resolveBlockSeq = resolveBlockSeq;


/***/ }),

/***/ 7788:
/***/ ((__unused_webpack_module, exports) => {



function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

exports.resolveEnd = resolveEnd;


/***/ }),

/***/ 3142:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilMapIncludes = __nccwpck_require__(1187);

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (identity.isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // → key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps.resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap.YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

exports.resolveFlowCollection = resolveFlowCollection;


/***/ }),

/***/ 6842:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var resolveEnd = __nccwpck_require__(7788);

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

exports.resolveFlowScalar = resolveFlowScalar;


/***/ }),

/***/ 4631:
/***/ ((__unused_webpack_module, exports) => {



function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

exports.resolveProps = resolveProps;


/***/ }),

/***/ 9499:
/***/ ((__unused_webpack_module, exports) => {



function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

exports.containsNewline = containsNewline;


/***/ }),

/***/ 2599:
/***/ ((__unused_webpack_module, exports) => {



function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

exports.emptyScalarPosition = emptyScalarPosition;


/***/ }),

/***/ 4051:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var utilContainsNewline = __nccwpck_require__(9499);

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            utilContainsNewline.containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

exports.flowIndentCheck = flowIndentCheck;


/***/ }),

/***/ 1187:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

exports.mapIncludes = mapIncludes;


/***/ }),

/***/ 3021:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var toJS = __nccwpck_require__(4043);
var Schema = __nccwpck_require__(5840);
var stringifyDocument = __nccwpck_require__(6829);
var anchors = __nccwpck_require__(1596);
var applyReviver = __nccwpck_require__(3661);
var createNode = __nccwpck_require__(2404);
var directives = __nccwpck_require__(1342);

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = identity.isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchors.anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias.Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return identity.isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
            return !keepScalar && identity.isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return identity.isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (Collection.isEmptyPath(path))
            return this.contents !== undefined;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new directives.Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new directives.Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema.Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (identity.isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

exports.Document = Document;


/***/ }),

/***/ 1596:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit.visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

exports.anchorIsValid = anchorIsValid;
exports.anchorNames = anchorNames;
exports.createNodeAnchors = createNodeAnchors;
exports.findNewAnchor = findNewAnchor;


/***/ }),

/***/ 3661:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

exports.applyReviver = applyReviver;


/***/ }),

/***/ 2404:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (identity.isDocument(value))
        value = value.contents;
    if (identity.isNode(value))
        return value;
    if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias.Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar.Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[identity.MAP]
                : Symbol.iterator in Object(value)
                    ? schema[identity.SEQ]
                    : schema[identity.MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar.Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

exports.createNode = createNode;


/***/ }),

/***/ 1342:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
            const tags = {};
            visit.visit(doc.contents, (_key, node) => {
                if (identity.isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

exports.Directives = Directives;


/***/ }),

/***/ 1464:
/***/ ((__unused_webpack_module, exports) => {



class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '…' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '…';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '…\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

exports.YAMLError = YAMLError;
exports.YAMLParseError = YAMLParseError;
exports.YAMLWarning = YAMLWarning;
exports.prettifyError = prettifyError;


/***/ }),

/***/ 8815:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var Schema = __nccwpck_require__(5840);
var errors = __nccwpck_require__(1464);
var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);
var publicApi = __nccwpck_require__(4047);
var visit = __nccwpck_require__(204);



__webpack_unused_export__ = composer.Composer;
__webpack_unused_export__ = Document.Document;
__webpack_unused_export__ = Schema.Schema;
__webpack_unused_export__ = errors.YAMLError;
__webpack_unused_export__ = errors.YAMLParseError;
__webpack_unused_export__ = errors.YAMLWarning;
__webpack_unused_export__ = Alias.Alias;
__webpack_unused_export__ = identity.isAlias;
__webpack_unused_export__ = identity.isCollection;
__webpack_unused_export__ = identity.isDocument;
__webpack_unused_export__ = identity.isMap;
__webpack_unused_export__ = identity.isNode;
__webpack_unused_export__ = identity.isPair;
__webpack_unused_export__ = identity.isScalar;
__webpack_unused_export__ = identity.isSeq;
__webpack_unused_export__ = Pair.Pair;
__webpack_unused_export__ = Scalar.Scalar;
__webpack_unused_export__ = YAMLMap.YAMLMap;
__webpack_unused_export__ = YAMLSeq.YAMLSeq;
__webpack_unused_export__ = cst;
__webpack_unused_export__ = lexer.Lexer;
__webpack_unused_export__ = lineCounter.LineCounter;
__webpack_unused_export__ = parser.Parser;
exports.parse = publicApi.parse;
__webpack_unused_export__ = publicApi.parseAllDocuments;
__webpack_unused_export__ = publicApi.parseDocument;
__webpack_unused_export__ = publicApi.stringify;
__webpack_unused_export__ = visit.visit;
__webpack_unused_export__ = visit.visitAsync;


/***/ }),

/***/ 7249:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);

function debug(logLevel, ...messages) {
    if (logLevel === 'debug')
        console.log(...messages);
}
function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        if (typeof node_process.emitWarning === 'function')
            node_process.emitWarning(warning);
        else
            console.warn(warning);
    }
}

exports.debug = debug;
exports.warn = warn;


/***/ }),

/***/ 4065:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var visit = __nccwpck_require__(204);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

class Alias extends Node.NodeBase {
    constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit.visit(doc, {
                Node: (_key, node) => {
                    if (identity.isAlias(node) || identity.hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS.toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchors.anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

exports.Alias = Alias;


/***/ }),

/***/ 101:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode.createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends Node.NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!identity.isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    identity.isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

exports.Collection = Collection;
exports.collectionFromPath = collectionFromPath;
exports.isEmptyPath = isEmptyPath;


/***/ }),

/***/ 6673:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var applyReviver = __nccwpck_require__(3661);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

exports.NodeBase = NodeBase;


/***/ }),

/***/ 7165:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyPair = __nccwpck_require__(9748);
var addPairToJSMap = __nccwpck_require__(7104);
var identity = __nccwpck_require__(1127);

function createPair(key, value, ctx) {
    const k = createNode.createNode(key, undefined, ctx);
    const v = createNode.createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
            key = key.clone(schema);
        if (identity.isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

exports.Pair = Pair;
exports.createPair = createPair;


/***/ }),

/***/ 3301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends Node.NodeBase {
    constructor(value) {
        super(identity.SCALAR);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

exports.Scalar = Scalar;
exports.isScalarValue = isScalarValue;


/***/ }),

/***/ 4454:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyCollection = __nccwpck_require__(1212);
var addPairToJSMap = __nccwpck_require__(7104);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);

function findPair(items, key) {
    const k = identity.isScalar(key) ? key.value : key;
    for (const it of items) {
        if (identity.isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (identity.isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair.Pair(pair, pair?.value);
        }
        else
            _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair.Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!identity.isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

exports.YAMLMap = YAMLMap;
exports.findPair = findPair;


/***/ }),

/***/ 2223:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyCollection = __nccwpck_require__(1212);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var toJS = __nccwpck_require__(4043);

class YAMLSeq extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode.createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = identity.isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

exports.YAMLSeq = YAMLSeq;


/***/ }),

/***/ 7104:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var log = __nccwpck_require__(7249);
var merge = __nccwpck_require__(452);
var stringify = __nccwpck_require__(2148);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

function addPairToJSMap(ctx, map, { key, value }) {
    if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS.toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS.toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

exports.addPairToJSMap = addPairToJSMap;


/***/ }),

/***/ 1127:
/***/ ((__unused_webpack_module, exports) => {



const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

exports.ALIAS = ALIAS;
exports.DOC = DOC;
exports.MAP = MAP;
exports.NODE_TYPE = NODE_TYPE;
exports.PAIR = PAIR;
exports.SCALAR = SCALAR;
exports.SEQ = SEQ;
exports.hasAnchor = hasAnchor;
exports.isAlias = isAlias;
exports.isCollection = isCollection;
exports.isDocument = isDocument;
exports.isMap = isMap;
exports.isNode = isNode;
exports.isPair = isPair;
exports.isScalar = isScalar;
exports.isSeq = isSeq;


/***/ }),

/***/ 4043:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !identity.hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

exports.toJS = toJS;


/***/ }),

/***/ 110:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);
var errors = __nccwpck_require__(1464);
var stringifyString = __nccwpck_require__(3069);

function resolveAsScalar(token, strict = true, onError) {
    if (token) {
        const _onError = (pos, code, message) => {
            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
            if (onError)
                onError(offset, code, message);
            else
                throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
            case 'block-scalar':
                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
    }
    return null;
}
/**
 * Create a new scalar token with `value`
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.indent The indent level of the token.
 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
 * @param context.offset The offset position of the token.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function createScalarToken(value, context) {
    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    const end = context.end ?? [
        { type: 'newline', offset: -1, indent, source: '\n' }
    ];
    switch (source[0]) {
        case '|':
        case '>': {
            const he = source.indexOf('\n');
            const head = source.substring(0, he);
            const body = source.substring(he + 1) + '\n';
            const props = [
                { type: 'block-scalar-header', offset, indent, source: head }
            ];
            if (!addEndtoBlockProps(props, end))
                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
            return { type: 'block-scalar', offset, indent, props, source: body };
        }
        case '"':
            return { type: 'double-quoted-scalar', offset, indent, source, end };
        case "'":
            return { type: 'single-quoted-scalar', offset, indent, source, end };
        default:
            return { type: 'scalar', offset, indent, source, end };
    }
}
/**
 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
 *
 * Best efforts are made to retain any comments previously associated with the `token`,
 * though all contents within a collection's `items` will be overwritten.
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function setScalarValue(token, value, context = {}) {
    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
    let indent = 'indent' in token ? token.indent : null;
    if (afterKey && typeof indent === 'number')
        indent += 2;
    if (!type)
        switch (token.type) {
            case 'single-quoted-scalar':
                type = 'QUOTE_SINGLE';
                break;
            case 'double-quoted-scalar':
                type = 'QUOTE_DOUBLE';
                break;
            case 'block-scalar': {
                const header = token.props[0];
                if (header.type !== 'block-scalar-header')
                    throw new Error('Invalid block scalar header');
                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
                break;
            }
            default:
                type = 'PLAIN';
        }
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    switch (source[0]) {
        case '|':
        case '>':
            setBlockScalarValue(token, source);
            break;
        case '"':
            setFlowScalarValue(token, source, 'double-quoted-scalar');
            break;
        case "'":
            setFlowScalarValue(token, source, 'single-quoted-scalar');
            break;
        default:
            setFlowScalarValue(token, source, 'scalar');
    }
}
function setBlockScalarValue(token, source) {
    const he = source.indexOf('\n');
    const head = source.substring(0, he);
    const body = source.substring(he + 1) + '\n';
    if (token.type === 'block-scalar') {
        const header = token.props[0];
        if (header.type !== 'block-scalar-header')
            throw new Error('Invalid block scalar header');
        header.source = head;
        token.source = body;
    }
    else {
        const { offset } = token;
        const indent = 'indent' in token ? token.indent : -1;
        const props = [
            { type: 'block-scalar-header', offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
        for (const key of Object.keys(token))
            if (key !== 'type' && key !== 'offset')
                delete token[key];
        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
    }
}
/** @returns `true` if last token is a newline */
function addEndtoBlockProps(props, end) {
    if (end)
        for (const st of end)
            switch (st.type) {
                case 'space':
                case 'comment':
                    props.push(st);
                    break;
                case 'newline':
                    props.push(st);
                    return true;
            }
    return false;
}
function setFlowScalarValue(token, source, type) {
    switch (token.type) {
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            token.type = type;
            token.source = source;
            break;
        case 'block-scalar': {
            const end = token.props.slice(1);
            let oa = source.length;
            if (token.props[0].type === 'block-scalar-header')
                oa -= token.props[0].source.length;
            for (const tok of end)
                tok.offset += oa;
            delete token.props;
            Object.assign(token, { type, source, end });
            break;
        }
        case 'block-map':
        case 'block-seq': {
            const offset = token.offset + source.length;
            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
            delete token.items;
            Object.assign(token, { type, source, end: [nl] });
            break;
        }
        default: {
            const indent = 'indent' in token ? token.indent : -1;
            const end = 'end' in token && Array.isArray(token.end)
                ? token.end.filter(st => st.type === 'space' ||
                    st.type === 'comment' ||
                    st.type === 'newline')
                : [];
            for (const key of Object.keys(token))
                if (key !== 'type' && key !== 'offset')
                    delete token[key];
            Object.assign(token, { type, indent, source, end });
        }
    }
}

exports.createScalarToken = createScalarToken;
exports.resolveAsScalar = resolveAsScalar;
exports.setScalarValue = setScalarValue;


/***/ }),

/***/ 1733:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringify a CST document, token, or collection item
 *
 * Fair warning: This applies no validation whatsoever, and
 * simply concatenates the sources in their logical order.
 */
const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
    switch (token.type) {
        case 'block-scalar': {
            let res = '';
            for (const tok of token.props)
                res += stringifyToken(tok);
            return res + token.source;
        }
        case 'block-map':
        case 'block-seq': {
            let res = '';
            for (const item of token.items)
                res += stringifyItem(item);
            return res;
        }
        case 'flow-collection': {
            let res = token.start.source;
            for (const item of token.items)
                res += stringifyItem(item);
            for (const st of token.end)
                res += st.source;
            return res;
        }
        case 'document': {
            let res = stringifyItem(token);
            if (token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
        default: {
            let res = token.source;
            if ('end' in token && token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
    }
}
function stringifyItem({ start, key, sep, value }) {
    let res = '';
    for (const st of start)
        res += st.source;
    if (key)
        res += stringifyToken(key);
    if (sep)
        for (const st of sep)
            res += st.source;
    if (value)
        res += stringifyToken(value);
    return res;
}

exports.stringify = stringify;


/***/ }),

/***/ 7715:
/***/ ((__unused_webpack_module, exports) => {



const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove item');
/**
 * Apply a visitor to a CST document or item.
 *
 * Walks through the tree (depth-first) starting from the root, calling a
 * `visitor` function with two arguments when entering each item:
 *   - `item`: The current item, which included the following members:
 *     - `start: SourceToken[]` – Source tokens before the key or value,
 *       possibly including its anchor or tag.
 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
 *       the key before the `:` separator is empty.
 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
 *       which should include the `:` map value indicator if `value` is set.
 *     - `value?: Token` – The value of a sequence item, or of a map pair.
 *   - `path`: The steps from the root to the current node, as an array of
 *     `['key' | 'value', number]` tuples.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this token, continue with
 *      next sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
 *   - `number`: Set the index of the next step. This is useful especially if
 *     the index of the current token has changed.
 *   - `function`: Define the next visitor for this item. After the original
 *     visitor is called on item entry, next visitors are called after handling
 *     a non-empty `key` and when exiting the item.
 */
function visit(cst, visitor) {
    if ('type' in cst && cst.type === 'document')
        cst = { start: cst.start, value: cst.value };
    _visit(Object.freeze([]), cst, visitor);
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current item */
visit.SKIP = SKIP;
/** Remove the current item */
visit.REMOVE = REMOVE;
/** Find the item at `path` from `cst` as the root */
visit.itemAtPath = (cst, path) => {
    let item = cst;
    for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && 'items' in tok) {
            item = tok.items[index];
        }
        else
            return undefined;
    }
    return item;
};
/**
 * Get the immediate parent collection of the item at `path` from `cst` as the root.
 *
 * Throws an error if the collection is not found, which should never happen if the item itself exists.
 */
visit.parentCollection = (cst, path) => {
    const parent = visit.itemAtPath(cst, path.slice(0, -1));
    const field = path[path.length - 1][0];
    const coll = parent?.[field];
    if (coll && 'items' in coll)
        return coll;
    throw new Error('Parent collection not found');
};
function _visit(path, item, visitor) {
    let ctrl = visitor(item, path);
    if (typeof ctrl === 'symbol')
        return ctrl;
    for (const field of ['key', 'value']) {
        const token = item[field];
        if (token && 'items' in token) {
            for (let i = 0; i < token.items.length; ++i) {
                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    token.items.splice(i, 1);
                    i -= 1;
                }
            }
            if (typeof ctrl === 'function' && field === 'key')
                ctrl = ctrl(item, path);
        }
    }
    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
}

exports.visit = visit;


/***/ }),

/***/ 3461:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cstScalar = __nccwpck_require__(110);
var cstStringify = __nccwpck_require__(1733);
var cstVisit = __nccwpck_require__(7715);

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** @returns `true` if `token` is a flow or block collection */
const isCollection = (token) => !!token && 'items' in token;
/** @returns `true` if `token` is a flow or block scalar; not an alias */
const isScalar = (token) => !!token &&
    (token.type === 'scalar' ||
        token.type === 'single-quoted-scalar' ||
        token.type === 'double-quoted-scalar' ||
        token.type === 'block-scalar');
/* istanbul ignore next */
/** Get a printable representation of a lexer token */
function prettyToken(token) {
    switch (token) {
        case BOM:
            return '<BOM>';
        case DOCUMENT:
            return '<DOC>';
        case FLOW_END:
            return '<FLOW_END>';
        case SCALAR:
            return '<SCALAR>';
        default:
            return JSON.stringify(token);
    }
}
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

exports.createScalarToken = cstScalar.createScalarToken;
exports.resolveAsScalar = cstScalar.resolveAsScalar;
exports.setScalarValue = cstScalar.setScalarValue;
exports.stringify = cstStringify.stringify;
exports.visit = cstVisit.visit;
exports.BOM = BOM;
exports.DOCUMENT = DOCUMENT;
exports.FLOW_END = FLOW_END;
exports.SCALAR = SCALAR;
exports.isCollection = isCollection;
exports.isScalar = isScalar;
exports.prettyToken = prettyToken;
exports.tokenType = tokenType;


/***/ }),

/***/ 361:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cst = __nccwpck_require__(3461);

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === cst.BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield cst.FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

exports.Lexer = Lexer;


/***/ }),

/***/ 6628:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

exports.LineCounter = LineCounter;


/***/ }),

/***/ 3456:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

exports.Parser = Parser;


/***/ }),

/***/ 4047:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var log = __nccwpck_require__(7249);
var identity = __nccwpck_require__(1127);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
    return { lineCounter: lineCounter$1, prettyErrors };
}
/**
 * Parse the input as a stream of YAML documents.
 *
 * Documents should be separated from each other by `...` or `---` marker lines.
 *
 * @returns If an empty `docs` array is returned, it will be of type
 *   EmptyStream and contain additional stream information. In
 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
 */
function parseAllDocuments(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
    if (prettyErrors && lineCounter)
        for (const doc of docs) {
            doc.errors.forEach(errors.prettifyError(source, lineCounter));
            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
        }
    if (docs.length > 0)
        return docs;
    return Object.assign([], { empty: true }, composer$1.streamInfo());
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
    }
    return doc;
}
function parse(src, reviver, options) {
    let _reviver = undefined;
    if (typeof reviver === 'function') {
        _reviver = reviver;
    }
    else if (options === undefined && reviver && typeof reviver === 'object') {
        options = reviver;
    }
    const doc = parseDocument(src, options);
    if (!doc)
        return null;
    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        else
            doc.errors = [];
    }
    return doc.toJS(Object.assign({ reviver: _reviver }, options));
}
function stringify(value, replacer, options) {
    let _replacer = null;
    if (typeof replacer === 'function' || Array.isArray(replacer)) {
        _replacer = replacer;
    }
    else if (options === undefined && replacer) {
        options = replacer;
    }
    if (typeof options === 'string')
        options = options.length;
    if (typeof options === 'number') {
        const indent = Math.round(options);
        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
    }
    if (value === undefined) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
            return undefined;
    }
    if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
    return new Document.Document(value, _replacer, options).toString(options);
}

exports.parse = parse;
exports.parseAllDocuments = parseAllDocuments;
exports.parseDocument = parseDocument;
exports.stringify = stringify;


/***/ }),

/***/ 5840:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var tags = __nccwpck_require__(18);

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? tags.getTags(compat, 'compat')
            : compat
                ? tags.getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

exports.Schema = Schema;


/***/ }),

/***/ 7451:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLMap = __nccwpck_require__(4454);

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap.YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!identity.isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
};

exports.map = map;


/***/ }),

/***/ 3632:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar.Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar.Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

exports.nullTag = nullTag;


/***/ }),

/***/ 1706:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLSeq = __nccwpck_require__(2223);

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq.YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!identity.isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
};

exports.seq = seq;


/***/ }),

/***/ 6464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyString = __nccwpck_require__(3069);

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
    }
};

exports.string = string;


/***/ }),

/***/ 3959:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

exports.boolTag = boolTag;


/***/ }),

/***/ 8405:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 9874:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber.stringifyNumber(node);
}
const intOct = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
    stringify: node => intStringify(node, 8, '0o')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 896:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.boolTag,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float
];

exports.schema = schema;


/***/ }),

/***/ 3559:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);

function intIdentify(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

exports.schema = schema;


/***/ }),

/***/ 18:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);
var schema = __nccwpck_require__(896);
var schema$1 = __nccwpck_require__(3559);
var binary = __nccwpck_require__(6083);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var schema$2 = __nccwpck_require__(5913);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schemas = new Map([
    ['core', schema.schema],
    ['failsafe', [map.map, seq.seq, string.string]],
    ['json', schema$1.schema],
    ['yaml11', schema$2.schema],
    ['yaml-1.1', schema$2.schema]
]);
const tagsByName = {
    binary: binary.binary,
    bool: bool.boolTag,
    float: float.float,
    floatExp: float.floatExp,
    floatNaN: float.floatNaN,
    floatTime: timestamp.floatTime,
    int: int.int,
    intHex: int.intHex,
    intOct: int.intOct,
    intTime: timestamp.intTime,
    map: map.map,
    merge: merge.merge,
    null: _null.nullTag,
    omap: omap.omap,
    pairs: pairs.pairs,
    seq: seq.seq,
    set: set.set,
    timestamp: timestamp.timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary.binary,
    'tag:yaml.org,2002:merge': merge.merge,
    'tag:yaml.org,2002:omap': omap.omap,
    'tag:yaml.org,2002:pairs': pairs.pairs,
    'tag:yaml.org,2002:set': set.set,
    'tag:yaml.org,2002:timestamp': timestamp.timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge)
            ? schemaTags.concat(merge.merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge.merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

exports.coreKnownTags = coreKnownTags;
exports.getTags = getTags;


/***/ }),

/***/ 6083:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_buffer = __nccwpck_require__(181);
var Scalar = __nccwpck_require__(3301);
var stringifyString = __nccwpck_require__(3069);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof node_buffer.Buffer === 'function') {
            return node_buffer.Buffer.from(src, 'base64');
        }
        else if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof node_buffer.Buffer === 'function') {
            str =
                buf instanceof node_buffer.Buffer
                    ? buf.toString('base64')
                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
        }
        else if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

exports.binary = binary;


/***/ }),

/***/ 8398:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar.Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar.Scalar(false),
    stringify: boolStringify
};

exports.falseTag = falseTag;
exports.trueTag = trueTag;


/***/ }),

/***/ 5782:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 873:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber.stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intBin = intBin;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 452:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (identity.isScalar(key) &&
        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (identity.isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!identity.isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

exports.addMergeToJSMap = addMergeToJSMap;
exports.isMergeKey = isMergeKey;
exports.merge = merge;


/***/ }),

/***/ 303:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var pairs = __nccwpck_require__(8385);

class YAMLOMap extends YAMLSeq.YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (identity.isPair(pair)) {
                key = toJS.toJS(pair.key, '', ctx);
                value = toJS.toJS(pair.value, key, ctx);
            }
            else {
                key = toJS.toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs$1.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
            if (identity.isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

exports.YAMLOMap = YAMLOMap;
exports.omap = omap;


/***/ }),

/***/ 8385:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLSeq = __nccwpck_require__(2223);

function resolvePairs(seq, onError) {
    if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (identity.isPair(item))
                continue;
            else if (identity.isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq.YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(Pair.createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

exports.createPairs = createPairs;
exports.pairs = pairs;
exports.resolvePairs = resolvePairs;


/***/ }),

/***/ 5913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var binary = __nccwpck_require__(6083);
var bool = __nccwpck_require__(8398);
var float = __nccwpck_require__(5782);
var int = __nccwpck_require__(873);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.trueTag,
    bool.falseTag,
    int.intBin,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float,
    binary.binary,
    merge.merge,
    omap.omap,
    pairs.pairs,
    set.set,
    timestamp.intTime,
    timestamp.floatTime,
    timestamp.timestamp
];

exports.schema = schema;


/***/ }),

/***/ 1528:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);

class YAMLSet extends YAMLMap.YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (identity.isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair.Pair(key.key, null);
        else
            pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair)
            ? identity.isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair.Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(Pair.createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (identity.isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

exports.YAMLSet = YAMLSet;
exports.set = set;


/***/ }),

/***/ 6752:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

exports.floatTime = floatTime;
exports.intTime = intTime;
exports.timestamp = timestamp;


/***/ }),

/***/ 4475:
/***/ ((__unused_webpack_module, exports) => {



const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

exports.FOLD_BLOCK = FOLD_BLOCK;
exports.FOLD_FLOW = FOLD_FLOW;
exports.FOLD_QUOTED = FOLD_QUOTED;
exports.foldFlowLines = foldFlowLines;


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var identity = __nccwpck_require__(1127);
var stringifyComment = __nccwpck_require__(9799);
var stringifyString = __nccwpck_require__(3069);

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
    if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (identity.isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = identity.isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : identity.isScalar(node)
            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

exports.createStringifyContext = createStringifyContext;
exports.stringify = stringify;


/***/ }),

/***/ 1212:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = identity.isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

exports.stringifyCollection = stringifyCollection;


/***/ }),

/***/ 9799:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

exports.indentComment = indentComment;
exports.lineComment = lineComment;
exports.stringifyComment = stringifyComment;


/***/ }),

/***/ 6829:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = stringify.createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (identity.isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += stringifyComment.lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify.stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(stringifyComment.indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

exports.stringifyDocument = stringifyDocument;


/***/ }),

/***/ 8689:
/***/ ((__unused_webpack_module, exports) => {



function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

exports.stringifyNumber = stringifyNumber;


/***/ }),

/***/ 9748:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (identity.isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            identity.isCollection(key) ||
            (identity.isScalar(key)
                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        identity.isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

exports.stringifyPair = stringifyPair;


/***/ }),

/***/ 3069:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var foldFlowLines = __nccwpck_require__(4475);

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.Scalar.BLOCK_FOLDED:
            case Scalar.Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

exports.stringifyString = stringifyString;


/***/ }),

/***/ 204:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
/**
 * Apply an async visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `Promise`: Must resolve to one of the following values
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
async function visitAsync(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visitAsync.BREAK = BREAK;
/** Do not visit the children of the current node */
visitAsync.SKIP = SKIP;
/** Remove the current node */
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
    const ctrl = await callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = await visitAsync_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = await visitAsync_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = await visitAsync_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
    if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
    if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (identity.isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (identity.isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (identity.isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

exports.visit = visit;
exports.visitAsync = visitAsync;


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(5581);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
