import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   b$: () => (/* binding */ isDiskFull),
/* harmony export */   yo: () => (/* binding */ UserError)
/* harmony export */ });
/* unused harmony export describeError */
/**
 * A problem the user can fix: a bad input, a missing file, a malformed schema.
 * It carries everything needed for a clear one-line message and never a stack trace.
 */
class UserError extends Error {
    hint;
    constructor(message, options = {}) {
        super(message);
        this.name = 'UserError';
        this.hint = options.hint;
    }
}
/** A write the disk (or the user's quota) had no room for: the user's to fix, not a bug. */
function isDiskFull(error) {
    const code = error?.code;
    return code === 'ENOSPC' || code === 'EDQUOT';
}
function describeError(error) {
    if (error instanceof UserError) {
        return error.hint ? `${error.message}\nHint: ${error.hint}` : error.message;
    }
    if (isDiskFull(error))
        return `disk full${error.path ? ` at ${error.path}` : ''}: free some space (or write elsewhere) and run again`;
    if (error instanceof Error)
        return `internal error: ${error.message} (please report this)`;
    return `internal error: ${String(error)}`;
}


/***/ }),

/***/ 750:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(916);
/* harmony import */ var _heap_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(496);
/* harmony import */ var _perform_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(21);
/* harmony import */ var _tasks_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(248);
// The entry of dist/worker/index.js: a small bundle that works on data in another thread (see
// client.ts): it validates one byte range of a CSV or a whole Parquet file, or cuts a Parquet subset,
// and starts in tens of milliseconds instead of loading the whole action.





const task = node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.workerData;
if (!node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.isMainThread && _tasks_js__WEBPACK_IMPORTED_MODULE_4__/* .WORKER_TASKS */ .sA.has(task?.task)) {
    let reply;
    try {
        reply = { result: await (0,_perform_js__WEBPACK_IMPORTED_MODULE_3__/* .perform */ .y)(task, (0,_heap_js__WEBPACK_IMPORTED_MODULE_2__/* .heapCollector */ .C)()) };
    }
    catch (error) {
        reply = {
            error: {
                message: error.message,
                hint: error.hint,
                userError: error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo
            }
        };
    }
    // A part's key hashes (tens of MiB) are moved to the main thread, not copied.
    const keys = 'result' in reply ? reply.result.keys : null;
    node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort.postMessage(reply, keys ? [keys.sorted.buffer] : []);
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 496:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  C: () => (/* binding */ heapCollector)
});

// UNUSED EXPORTS: holdYoungGeneration

;// CONCATENATED MODULE: external "node:v8"
const external_node_v8_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:v8");
var external_node_v8_default = /*#__PURE__*/__nccwpck_require__.n(external_node_v8_namespaceObject);
;// CONCATENATED MODULE: external "node:vm"
const external_node_vm_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:vm");
var external_node_vm_default = /*#__PURE__*/__nccwpck_require__.n(external_node_vm_namespaceObject);
;// CONCATENATED MODULE: ./src/worker/heap.ts


/**
 * A full garbage collection once decoded pages have left 12 MiB of garbage, or half what is live if
 * more (unique keys, say, keep the cost in proportion). Pages of 100,000 Parquet values outlive a
 * scavenge or two, so V8 promotes them and lets the old generation fill with dead pages for a long
 * while: on the benchmark's file this keeps peak RSS at about 150 MiB instead of 195 MiB (Node 20), for
 * a few milliseconds per collection with little live. Node has no API for this: `gc` is exposed by a
 * V8 flag, which changes the whole process, so only the data worker's entry calls this.
 */
function heapCollector() {
    external_node_v8_default().setFlagsFromString('--expose-gc');
    const collect = external_node_vm_default().runInNewContext('gc');
    if (!collect)
        return undefined;
    let liveAfterCollect = 0;
    return () => {
        const garbage = external_node_v8_default().getHeapStatistics().used_heap_size - liveAfterCollect;
        if (garbage < Math.max(12 * 2 ** 20, liveAfterCollect / 2))
            return;
        collect();
        liveAfterCollect = external_node_v8_default().getHeapStatistics().used_heap_size;
    };
}
/**
 * Keeps V8's young generation at the size it has. V8 doubles it each time the bytes that survived
 * scavenges since it last grew pass its size, which over millions of rows always happens: a long
 * validation ended with 16 MiB of young generation in the worker and up to 64 MiB in the main thread
 * (Node 24), nearly all of it garbage. A scavenge costs what survives, not what died: at 20 M keyed rows
 * this took 17 to 20 MiB off peak memory for the same CPU time. A V8 flag (Node has no API for it), read
 * whenever the young generation would grow, for the whole process: the CLI's and the action's entries
 * set it before any work, so a worker's stays at V8's initial size.
 */
function holdYoungGeneration() {
    v8.setFlagsFromString('--semi-space-growth-factor=1');
}


/***/ }),

/***/ 21:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  y: () => (/* binding */ perform)
});

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(916);
;// CONCATENATED MODULE: ./src/file-info.ts






/** sha256 (hex) and size of a regular file, streamed (see openRegularFile). */
async function hashFile(file, options = {}) {
    const hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    const handle = await file_info_openRegularFile(file, options.label ?? file, options);
    const { size } = await handle.stat();
    for await (const chunk of handle.createReadStream({ highWaterMark: 1024 * 1024 }))
        hash.update(chunk);
    return { sha256: hash.digest('hex'), bytes: size };
}
/** Whether a path exists (file or folder). */
async function exists(file) {
    return stat(file).then(() => true, () => false);
}
/**
 * Fails with "<what> not found: <label>" unless `file` is a regular file: a folder, a FIFO or a device
 * (`/dev/zero`) would hang a reader or fail it with an internal error.
 */
async function requireFile(file, label, what) {
    const info = await stat(file).catch(() => null);
    if (!info)
        throw new UserError(`${what} not found: ${label}`);
    if (!info.isFile())
        throw new UserError(`${what} ${label} is ${info.isDirectory() ? 'a folder' : 'not a regular file'}; expected a file`);
}
/** A regular file's text, refused by name (and size) before it is read when it holds more than maxBytes. */
async function readBoundedText(file, label, maxBytes) {
    const handle = await file_info_openRegularFile(file, label);
    try {
        const { size } = await handle.stat();
        if (size > maxBytes)
            throw new UserError(`${label}: ${size.toLocaleString('en-US')} bytes, more than the ${maxBytes.toLocaleString('en-US')} ml-smoke reads in such a file`);
        return await handle.readFile('utf8');
    }
    finally {
        await handle.close();
    }
}
/** What a path that is not a regular file is, in words. */
function kindOfEntry(info) {
    if (info.isDirectory())
        return 'a folder';
    if (info.isFIFO())
        return 'a FIFO (named pipe)';
    if (info.isCharacterDevice() || info.isBlockDevice())
        return 'a device';
    if (info.isSocket())
        return 'a socket';
    if (info.isSymbolicLink())
        return 'a symbolic link';
    return 'not a regular file';
}
/** Why a file could not be opened, in words, for the codes a user can fix. */
const OPEN_ERRORS = {
    ENOENT: 'not found',
    ENOTDIR: 'not found (a part of its path is not a folder)',
    EACCES: 'cannot be read (permission denied)',
    EPERM: 'cannot be read (operation not permitted)',
    ELOOP: 'cannot be read (too many symbolic links)',
    ENAMETOOLONG: 'cannot be read (its name is too long)'
};
/**
 * Opens a file for reading, or fails with a UserError naming it when it is not a regular file: a folder,
 * a FIFO (opened without blocking, so that it cannot hang the reader), a device such as /dev/zero (which
 * never ends) or a socket. Every reader opens its input this way, whatever checked the path before.
 * `noFollow`: a symbolic link is refused too (a downloaded artifact's files).
 */
async function file_info_openRegularFile(file, label = file, options = {}) {
    let handle;
    const noFollow = options.noFollow ? (external_node_fs_namespaceObject.constants.O_NOFOLLOW ?? 0) : 0;
    try {
        handle = await (0,promises_namespaceObject.open)(file, external_node_fs_namespaceObject.constants.O_RDONLY | (external_node_fs_namespaceObject.constants.O_NONBLOCK ?? 0) | noFollow);
    }
    catch (error) {
        const code = error.code ?? '';
        if (noFollow && code === 'ELOOP')
            throw new errors/* UserError */.yo(`${label} is a symbolic link; it is not followed`);
        const reason = OPEN_ERRORS[code];
        if (reason)
            throw new errors/* UserError */.yo(`${label}: ${reason}`);
        throw error;
    }
    const info = await handle.stat();
    if (!info.isFile()) {
        await handle.close();
        throw new errors/* UserError */.yo(`${label} is ${kindOfEntry(info)}; expected a regular file`);
    }
    return handle;
}
/** Whether `child` is `parent` or below it (a file named `..model.bin` is below it; `../x` is not). */
function isInside(child, parent) {
    const relative = path.relative(parent, child);
    return (relative === '' ||
        (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative)));
}
/** `file` as the user would write it: relative to `base` when below it, else absolute; always with `/`. */
function displayPath(base, file) {
    const relative = path.relative(base, file);
    return relative && isInside(file, base) ? relative.split(path.sep).join('/') : file;
}
/**
 * Writes `target` through a temporary file beside it, renamed into place once whole: a write that fails
 * (a full disk above all) leaves neither a partial file nor the temporary one.
 */
async function writeAtomically(target, write) {
    const temporary = `${target}.${(0,external_node_crypto_namespaceObject.randomBytes)(4).toString('hex')}.partial`;
    try {
        await write(temporary);
        await (0,promises_namespaceObject.rename)(temporary, target);
    }
    catch (error) {
        await (0,promises_namespaceObject.rm)(temporary, { force: true });
        if ((0,errors/* isDiskFull */.b$)(error))
            throw new errors/* UserError */.yo(`disk full at ${target}: nothing was written there`);
        throw error;
    }
}
function writeFileAtomically(target, data) {
    return writeAtomically(target, temporary => (0,promises_namespaceObject.writeFile)(temporary, data));
}

;// CONCATENATED MODULE: ./src/data/csv-record.ts
// What a CSV tokenizer hands its reader, and the options it reads by: shared by the RFC 4180 tokenizer
// (csv.ts) and the Table Dialect one (csv-dialect.ts).
/**
 * One CSV record with where it came from (a TextCells, and a RowPosition). The tokenizer reuses one record for every row and keeps each cell
 * as a range of the text it read, so a row costs no allocation until someone asks for a cell's string:
 * read it inside the callback, or copy `fields`.
 */
class CsvRecord {
    count = 0;
    source = '';
    starts = new Int32Array(16);
    ends = new Int32Array(16);
    /** Cells whose text is not their source range (doubled quotes, text after a quote), by index. */
    escapes = [];
    escapedCount = 0;
    /** Physical line (1-based) where the record starts. */
    line = 1;
    /** Line where each field starts; null when the whole record sits on one line. */
    fieldLines = null;
    /** Physical line where the record ends (differs from `line` when a quoted field holds newlines). */
    endLine = 1;
    /** The record's exact source text without its line terminator (only with `keepRaw`). */
    raw = '';
    /** A comment line (a dialect's commentChar): no cells, only `raw` (the dialect tokenizer's alone). */
    comment = false;
    /** The Frictionless row number, when the reader numbers rows itself (a dialect's header and comment rows). */
    rowNumber = undefined;
    cell(index) {
        const escaped = this.escapedCount ? this.escapes[index] : undefined;
        return escaped ?? this.source.slice(this.starts[index], this.ends[index]);
    }
    escapedAt(index) {
        return this.escapedCount ? this.escapes[index] : undefined;
    }
    /** Every cell as a new array of strings. */
    get fields() {
        const fields = new Array(this.count);
        for (let k = 0; k < this.count; k++)
            fields[k] = this.cell(k);
        return fields;
    }
    reset(source, line) {
        if (this.escapedCount) {
            this.escapes.length = 0;
            this.escapedCount = 0;
        }
        this.source = source;
        this.count = 0;
        this.line = line;
        this.fieldLines = null;
    }
    add(start, end, escaped) {
        const k = this.count;
        if (k === this.starts.length) {
            const starts = new Int32Array(k * 2);
            const ends = new Int32Array(k * 2);
            starts.set(this.starts);
            ends.set(this.ends);
            this.starts = starts;
            this.ends = ends;
        }
        this.starts[k] = start;
        this.ends[k] = end;
        if (escaped !== undefined) {
            this.escapes[k] = escaped;
            this.escapedCount++;
        }
        this.count = k + 1;
    }
}
/** The delimiter a tokenizer splits on, as a char code; one that cannot separate fields is a bug upstream. */
function delimiterCode(delimiter) {
    const problem = delimiterProblem(delimiter);
    if (problem)
        throw new Error(`delimiter ${JSON.stringify(delimiter)}: ${problem}`);
    return delimiter.charCodeAt(0);
}
/** Why a string cannot separate CSV fields, or null when it can (the one rule for inputs, flags and the tokenizer). */
function delimiterProblem(delimiter) {
    if (delimiter.length !== 1)
        return 'expected one character';
    if (delimiter === '"' || delimiter === '\n' || delimiter === '\r')
        return 'a quote or a line break cannot separate fields';
    return null;
}

;// CONCATENATED MODULE: ./src/data/table.ts


const DATA_FORMATS = (/* unused pure expression or super */ null && (['csv', 'tsv', 'jsonl', 'json', 'parquet']));
/** A key a JSON row does not have (as opposed to one whose value is null). */
const ABSENT = Symbol('absent');
/** The format from the extension (`.csv.gz` is not read), unless `override` names one. */
function formatOf(file, override) {
    if (override) {
        if (!DATA_FORMATS.includes(override))
            throw new UserError(`format "${override}": expected one of ${DATA_FORMATS.join(', ')}`);
        return override;
    }
    const extension = path.extname(file).toLowerCase().slice(1);
    if (extension === 'ndjson')
        return 'jsonl';
    if (extension === 'pq')
        return 'parquet';
    if (DATA_FORMATS.includes(extension))
        return extension;
    if (extension === 'txt')
        return 'csv';
    throw new UserError(`${path.basename(file)}: cannot tell the format from ".${extension}"; use .csv, .tsv, .jsonl, .json or .parquet (or set data-format)`);
}
/**
 * The most columns a table may have (and cells a row). Each column costs the validator and `infer` some
 * state, and a header of a million columns took `infer` past 2.5 GB; wide ML tables (one-hot features,
 * gene panels) have tens of thousands.
 */
const MAX_COLUMNS = 100_000;
/**
 * The longest column name read, in characters. Names are repeated in every message about their column (a
 * header of one 14 MB name took validate to 3.1 GB); one this long is a broken header (a stray quote,
 * binary data), not a name.
 */
const MAX_LABEL_CHARS = 1024;
/** The problem that stops reading a table whose header has a name longer than MAX_LABEL_CHARS, or null. */
function labelTooLong(labels, line) {
    const index = labels.findIndex(label => label.length > MAX_LABEL_CHARS);
    if (index === -1)
        return null;
    return {
        code: 'label-too-long',
        line,
        fieldNumber: index + 1,
        message: `column ${index + 1}'s name is ${labels[index].length.toLocaleString('en-US')} characters long, more than the ${MAX_LABEL_CHARS} ml-smoke reads: the header is probably broken (a stray quote, binary data); the rest of the file is not read`
    };
}
/** The problem that stops reading a table wider than MAX_COLUMNS. */
function tooManyColumns(count, what, line) {
    return {
        code: 'too-many-columns',
        line,
        message: `${count.toLocaleString('en-US')} ${what}${line ? ` on line ${line}` : ''}: more than the ${MAX_COLUMNS.toLocaleString('en-US')} columns ml-smoke reads; the rest of the file is not read`
    };
}

;// CONCATENATED MODULE: external "node:buffer"
const external_node_buffer_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");
;// CONCATENATED MODULE: ./src/data/text-chunks.ts

/**
 * Files are read 256 KiB at a time and parsed 16 KiB at a time. Measured on CSV validation here: 16 KiB
 * pieces ran 6 % faster than 64 KiB (the text stays in the CPU cache; 8 KiB was much slower), and reading
 * 256 KiB ahead instead of 16 KiB saved another 11 % of waiting for the I/O threads.
 */
const READ_BYTES = 256 * 1024;
const CHUNK_BYTES = 16 * 1024;
/**
 * The longest record read from a text table, in characters (16 MiB of ASCII): a CSV record, a JSON Lines
 * line, an element of a JSON array. A longer one is almost always a quote that never closes or a file
 * that is not text (a sparse or binary file has no line breaks); reading stops with a `record-too-long`
 * problem at the line where it starts, before it costs memory.
 */
const MAX_RECORD_CHARS = 16 * 1024 * 1024;
/** `MAX_RECORD_CHARS` as people write it, for messages. */
const MAX_RECORD_TEXT = `${MAX_RECORD_CHARS / 1024 / 1024} MiB`;
/**
 * A file's bytes from `start` to `end` (exclusive; default: its end) as reads of up to READ_BYTES, into
 * two buffers used in turn: the next read is under way while the caller works on the last one, which
 * stays good only until it asks for the next. The handle is closed at the end, or when the caller stops.
 * A read stream allocates a buffer per read instead, and a dead buffer is freed only when the garbage
 * collector gets to it: on two threads those buffers held 10 to 20 MiB of peak memory.
 */
async function* fileReads(handle, start = 0, end = Infinity) {
    const buffers = [Buffer.allocUnsafeSlow(READ_BYTES), Buffer.allocUnsafeSlow(READ_BYTES)];
    let position = start;
    let turn = 0;
    const readInto = (buffer) => position < end
        ? handle.read(buffer, 0, Math.min(READ_BYTES, end - position), position)
        : Promise.resolve({ bytesRead: 0 });
    let reading = readInto(buffers[turn]);
    try {
        for (;;) {
            const { bytesRead } = await reading;
            if (bytesRead === 0)
                return;
            const read = buffers[turn].subarray(0, bytesRead);
            position += bytesRead;
            turn ^= 1;
            reading = readInto(buffers[turn]);
            yield read;
        }
    }
    finally {
        await reading.catch(() => undefined);
        await handle.close();
    }
}
/** A read buffer as pieces of CHUNK_BYTES. */
function* piecesOf(read) {
    for (let at = 0; at < read.length; at += CHUNK_BYTES)
        yield read.subarray(at, Math.min(read.length, at + CHUNK_BYTES));
}
/**
 * Decodes a file, read in chunks, as UTF-8 text, fast. An ASCII chunk is its own Latin-1 text (several
 * times faster than TextDecoder) unless the decoder still holds part of a character from the chunk before.
 * The BOM is dropped only at the start of the file: the decoder may first see a later chunk.
 *
 * A reader that has not finished the end of a text (half a record) says how many characters it holds
 * (`hold`). If they came from an ASCII chunk, they are decoded again in front of the next ASCII chunk
 * (`carried` is then true), so the reader gets one flat string instead of a concatenation, which V8 reads
 * about 1.5x slower per character. Bytes that are not UTF-8 end the text with a problem at their line.
 */
class Utf8Chunks {
    atFileStart;
    loneCRBreaksLines;
    decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    idle = true;
    lastLatin1 = null;
    held = null;
    joined = Buffer.allocUnsafe(0); // reused: the text made from it is a copy
    /** Whether the last text begins with the held characters. */
    carried = false;
    /** Why the last decode or end returned null. */
    problem = null;
    /**
     * When the last decode returned null: the chunk's text before the line of its first bad byte (whole
     * lines, valid on their own), for the reader to read before it reports the problem.
     */
    validPrefix = '';
    /**
     * Line breaks in the chunks decoded so far, counted as the reader counts them: where a bad byte is, is
     * counted from here. A CR that ends a chunk is counted once the next shows it is not half of a CRLF.
     */
    lines;
    endedWithCR = false;
    /**
     * `loneCRBreaksLines`: a CR without an LF ends a line, as the CSV tokenizer (and editors) count; a JSON
     * Lines reader ends lines at LF only.
     */
    constructor(atFileStart, loneCRBreaksLines, linesBefore = 0) {
        this.atFileStart = atFileStart;
        this.loneCRBreaksLines = loneCRBreaksLines;
        this.lines = linesBefore;
    }
    /** The text of the next chunk, or null when its bytes are not UTF-8 (`problem` says where). */
    decode(chunk) {
        if (this.endedWithCR && chunk[0] !== 0x0a)
            this.lines++;
        const text = this.decodeText(chunk);
        for (let k = chunk.indexOf(0x0a); k !== -1; k = chunk.indexOf(0x0a, k + 1))
            this.lines++;
        if (this.loneCRBreaksLines) {
            const last = chunk.length - 1;
            for (let k = chunk.indexOf(0x0d); k !== -1 && k < last; k = chunk.indexOf(0x0d, k + 1))
                if (chunk[k + 1] !== 0x0a)
                    this.lines++;
            this.endedWithCR = chunk[last] === 0x0d;
        }
        return text;
    }
    decodeText(chunk) {
        const ascii = (0,external_node_buffer_namespaceObject.isAscii)(chunk);
        let text;
        this.carried = false;
        if (ascii && this.idle) {
            let bytes = chunk;
            if (this.held !== null) {
                const length = this.held.length + chunk.length;
                if (this.joined.length < length)
                    this.joined = Buffer.allocUnsafe(length);
                this.held.copy(this.joined);
                chunk.copy(this.joined, this.held.length);
                bytes = this.joined.subarray(0, length);
                this.carried = true;
            }
            text = bytes.toString('latin1');
            this.lastLatin1 = bytes;
        }
        else {
            try {
                text = this.decoder.decode(chunk, { stream: true });
            }
            catch {
                this.problem = invalidUtf8Problem(chunk, this.lines, this.loneCRBreaksLines);
                this.validPrefix = this.linesBefore(chunk, findInvalidUtf8(chunk));
                return null;
            }
            this.lastLatin1 = null;
        }
        this.idle = ascii;
        this.held = null;
        if (this.atFileStart) {
            this.atFileStart = false;
            if (text.charCodeAt(0) === 0xfeff)
                text = text.slice(1);
        }
        return text;
    }
    /** The text of chunk[0, end of the last line break before `bad`), or '' when there is none. */
    linesBefore(chunk, bad) {
        // A chunk that starts with the rest of a character (found at 0) or is valid itself (-1) has none.
        if (bad <= 0)
            return '';
        let end = chunk.lastIndexOf(0x0a, bad - 1);
        if (this.loneCRBreaksLines)
            end = Math.max(end, chunk.lastIndexOf(0x0d, bad - 1));
        if (end === -1)
            return '';
        let text = chunk.toString('utf8', 0, end + 1);
        if (this.atFileStart && text.charCodeAt(0) === 0xfeff)
            text = text.slice(1);
        return text;
    }
    /**
     * The reader still holds the last `characters` of the text so far. Up to a chunk of them are decoded
     * again with the next chunk; a longer unfinished record is the reader's to keep (copying it in front of
     * every chunk would cost time quadratic in its length).
     */
    hold(characters) {
        const last = this.lastLatin1;
        this.held =
            last !== null && characters > 0 && characters <= Math.min(last.length, CHUNK_BYTES)
                ? Buffer.from(last.subarray(last.length - characters))
                : null;
    }
    /** Whatever the decoder still holds at the end of the file, or null if that is half a character. */
    end() {
        try {
            return this.decoder.decode();
        }
        catch {
            this.problem = truncatedUtf8Problem(this.lines);
            return null;
        }
    }
}
/** Byte offset of the first byte that is not valid UTF-8, or -1; an incomplete tail sequence is fine. */
function findInvalidUtf8(bytes) {
    let i = 0;
    while (i < bytes.length) {
        const b = bytes[i];
        if (b < 0x80) {
            i++;
            continue;
        }
        let need;
        let min;
        if (b >= 0xc2 && b <= 0xdf) {
            need = 1;
            min = 0x80;
        }
        else if (b >= 0xe0 && b <= 0xef) {
            need = 2;
            min = 0x800;
        }
        else if (b >= 0xf0 && b <= 0xf4) {
            need = 3;
            min = 0x10000;
        }
        else
            return i;
        let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
        for (let k = 1; k <= need; k++) {
            if (i + k >= bytes.length)
                return -1;
            const c = bytes[i + k];
            if ((c & 0xc0) !== 0x80)
                return i;
            cp = (cp << 6) | (c & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return i;
        i += need + 1;
    }
    return -1;
}
/** The problem for a chunk that does not decode: the first bad byte and the line it is on. */
function invalidUtf8Problem(chunk, linesBefore, loneCRBreaksLines) {
    const found = findInvalidUtf8(chunk);
    if (found === -1) {
        // The chunk itself is fine: the one before ended in the middle of a character.
        return {
            code: 'invalid-utf8',
            line: linesBefore + 1,
            message: `a UTF-8 character on line ${linesBefore + 1} is cut off (a lead byte with too few continuation bytes); the file looks like another encoding (Latin-1 or Windows-1252?): save it as UTF-8`
        };
    }
    let line = linesBefore + 1;
    for (let k = 0; k < found; k++)
        if (chunk[k] === 0x0a || (loneCRBreaksLines && chunk[k] === 0x0d && chunk[k + 1] !== 0x0a))
            line++;
    const byte = chunk[found].toString(16).toUpperCase().padStart(2, '0');
    return {
        code: 'invalid-utf8',
        line,
        message: `byte 0x${byte} on line ${line} is not valid UTF-8; the file looks like another encoding (Latin-1 or Windows-1252?): save it as UTF-8`
    };
}
/** The problem for a file that ends in the middle of a character. */
function truncatedUtf8Problem(linesBefore) {
    return {
        code: 'invalid-utf8',
        line: linesBefore + 1,
        message: `the file ends in the middle of a UTF-8 character on line ${linesBefore + 1}; it is truncated or not UTF-8`
    };
}

;// CONCATENATED MODULE: ./src/data/csv-dialect.ts
// The tokenizer for CSV that is not RFC 4180: a Table Dialect's quoteChar, doubleQuote, escapeChar,
// skipInitialSpace, commentChar and lineTerminator, read as Python's csv module (which frictionless-py uses)
// reads them. It is a state machine fed text in chunks, so nothing is read twice; the RFC 4180 tokenizer
// (csv.ts) stays the fast path for files without these options.



const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
// Where the tokenizer stands between two characters.
const RECORD_START = 0; // before a record's first character, where a comment line may start
const FIELD_START = 1;
const UNQUOTED = 2;
const QUOTED = 3;
const QUOTE_IN_QUOTED = 4; // after a quote inside a quoted field: a doubled quote, or the field's end
const ESCAPED = 5; // after the escape character: the next character is text, whatever it is
const COMMENT = 6;
const AFTER_CR = 7; // a record ended at a CR: an LF right after it is part of the same line break
/** Whether these options need this tokenizer (any of them differs from RFC 4180). */
function needsDialectTokenizer(quoting) {
    if (!quoting)
        return false;
    return ((quoting.quoteChar !== undefined && quoting.quoteChar !== '"') ||
        quoting.doubleQuote === false ||
        quoting.escapeChar !== undefined ||
        quoting.skipInitialSpace === true ||
        quoting.commentChar !== undefined ||
        quoting.lineTerminator !== undefined);
}
/** Records longer than this keep their cells as strings of their own instead of ranges of one text. */
const JOIN_CHARS = 1 << 20;
const TERMINATOR_NAMES = { '\n': 'LF', '\r\n': 'CRLF', '\r': 'CR' };
/**
 * A cell's text from its pieces (a run of text, an escaped character), joined a thousand at a time: a
 * cell of millions of escaped characters held as millions of strings took validate past 600 MiB. Its
 * arrays are reused cell to cell (`length = 0` is a slow runtime call).
 */
class Pieces {
    parts = [];
    count = 0;
    chunks = null;
    push(text) {
        this.parts[this.count++] = text;
        if (this.count === 1024) {
            ;
            (this.chunks ??= []).push(this.parts.join(''));
            this.count = 0;
        }
    }
    /** The text so far, and an empty cell for the next. */
    take() {
        const n = this.count;
        this.count = 0;
        const last = n === 0 ? '' : n === 1 ? this.parts[0] : this.parts.slice(0, n).join('');
        const chunks = this.chunks;
        if (chunks === null)
            return last;
        this.chunks = null;
        chunks.push(last);
        return chunks.join('');
    }
}
/**
 * Reads records as Python's csv module does with the same options: a quote opens a field only at its
 * start (after the spaces skipInitialSpace skips), the escape character makes the next character text in
 * quoted and unquoted fields alike, a doubled quote is one quote only with doubleQuote. A line that starts
 * with commentChar is a comment record (no cells; the reader skips it). Malformed quoting is reported, as by
 * the RFC 4180 tokenizer, and so is the first row whose line break is not the dialect's lineTerminator.
 */
class DialectTokenizer {
    options;
    onRecord;
    onProblem;
    state = RECORD_START;
    line;
    stopped = false;
    record = new CsvRecord();
    delimiter;
    quote;
    /** -1: no escape character. */
    escape;
    doubleQuote;
    skipInitialSpace;
    commentChar;
    lineTerminator;
    /** The state an escaped character returns to (UNQUOTED or QUOTED). */
    afterEscape = UNQUOTED;
    /**
     * The current cell's text, in pieces; the record's cells (the first `count`) and the line each starts
     * on. Reused record to record (`length = 0` is a slow runtime call): a file of millions of short rows
     * allocates no arrays for them.
     */
    cell = new Pieces();
    cells = [];
    fieldLines = [];
    count = 0;
    fieldLine;
    recordLine;
    /** Characters of the record read in earlier texts, and its source text from them (keepRaw). */
    recordLength = 0;
    raw = [];
    problems = null;
    /** In the current text: where the cell's pending text and the record begin. */
    segment = 0;
    recordFrom = 0;
    /** The last character of the cell was a CR line break: an LF right after it belongs to it. */
    crBefore = false;
    /** Text at a record's start that may be the beginning of commentChar, waiting for the next text. */
    held = '';
    final = false;
    terminatorReported = false;
    constructor(options, onRecord, onProblem) {
        this.options = options;
        this.onRecord = onRecord;
        this.onProblem = onProblem;
        const quoting = options.quoting ?? {};
        this.delimiter = delimiterCode(options.delimiter);
        this.quote = (quoting.quoteChar ?? '"').charCodeAt(0);
        this.escape = quoting.escapeChar === undefined ? -1 : quoting.escapeChar.charCodeAt(0);
        this.doubleQuote = quoting.doubleQuote !== false;
        this.skipInitialSpace = quoting.skipInitialSpace === true;
        this.commentChar = quoting.commentChar ?? '';
        this.lineTerminator = quoting.lineTerminator;
        this.line = this.fieldLine = this.recordLine = options.firstLine ?? 1;
    }
    get isStopped() {
        return this.stopped;
    }
    get pendingLength() {
        if (this.state === RECORD_START)
            return this.held.length;
        return Math.max(1, this.recordLength);
    }
    /** Nothing: this tokenizer keeps its own state between texts. */
    get heldLength() {
        return 0;
    }
    get currentLine() {
        return this.line;
    }
    push(text) {
        if (this.stopped)
            return;
        if (this.held) {
            text = this.held + text;
            this.held = '';
        }
        this.segment = 0;
        this.recordFrom = 0;
        let i = 0;
        while (i < text.length && !this.stopped && !this.held)
            i = this.step(text, i);
        if (this.stopped || this.held)
            return;
        if (this.state === UNQUOTED || this.state === QUOTED)
            this.take(text, text.length);
        if (this.state === RECORD_START || this.state === AFTER_CR)
            return;
        if (this.options.keepRaw)
            this.raw.push(text.slice(this.recordFrom));
        this.recordLength += text.length - this.recordFrom;
        if (this.recordLength > MAX_RECORD_CHARS)
            this.tooLong();
    }
    pushJoined(text) {
        this.push(text);
    }
    finish() {
        if (this.stopped)
            return;
        if (this.held) {
            const held = this.held;
            this.held = '';
            this.final = true;
            this.push(held);
        }
        switch (this.state) {
            case RECORD_START:
                return;
            case AFTER_CR:
                return this.terminate('\r');
            case QUOTED:
                return this.unterminated();
            case ESCAPED:
                if (this.afterEscape === QUOTED)
                    return this.unterminated();
                // An escape character that ends the file escapes nothing: it is text.
                this.cell.push(String.fromCharCode(this.escape));
                break;
            case COMMENT:
                this.build(true, '');
                return this.terminate('');
            case FIELD_START:
                this.fieldLine = this.line; // an empty last field, after a delimiter
        }
        this.endCell();
        if (this.stopped)
            return;
        this.build(false, '');
        this.terminate('');
    }
    step(text, i) {
        switch (this.state) {
            case AFTER_CR:
                this.state = RECORD_START;
                if (text.charCodeAt(i) === LF) {
                    this.terminate('\r\n');
                    return i + 1;
                }
                this.terminate('\r');
                return i;
            case RECORD_START:
                return this.recordStart(text, i);
            case FIELD_START:
                return this.fieldStart(text, i);
            case UNQUOTED:
                return this.unquoted(text, i);
            case QUOTED:
                return this.quoted(text, i);
            case QUOTE_IN_QUOTED:
                return this.afterQuote(text, i);
            case ESCAPED:
                return this.escaped(text, i);
            default:
                return this.comment(text, i);
        }
    }
    recordStart(text, i) {
        const comment = this.commentChar;
        if (comment && text.startsWith(comment, i)) {
            this.begin(i);
            this.state = COMMENT;
            return i + comment.length;
        }
        if (comment && !this.final && text.length - i < comment.length) {
            const rest = text.slice(i);
            if (comment.startsWith(rest)) {
                this.held = rest;
                return text.length;
            }
        }
        this.begin(i);
        this.state = FIELD_START;
        return i;
    }
    begin(i) {
        this.recordLine = this.line;
        this.count = 0;
        if (this.raw.length)
            this.raw = [];
        this.recordLength = 0;
        this.recordFrom = i;
        this.problems = null;
    }
    fieldStart(text, i) {
        const c = text.charCodeAt(i);
        if (c === SPACE && this.skipInitialSpace)
            return i + 1;
        this.fieldLine = this.line;
        this.crBefore = false;
        if (c === this.quote) {
            this.state = QUOTED;
            this.segment = i + 1;
            return i + 1;
        }
        this.state = UNQUOTED;
        this.segment = i;
        return i;
    }
    unquoted(text, i) {
        let j = i;
        if (this.crBefore) {
            this.crBefore = false;
            if (text.charCodeAt(j) === LF)
                j++; // the LF of an escaped CRLF: text of the cell
        }
        for (; j < text.length; j++) {
            const c = text.charCodeAt(j);
            if (c === this.delimiter) {
                this.take(text, j);
                this.endCell();
                this.state = FIELD_START;
                return j + 1;
            }
            if (c === LF || c === CR) {
                this.take(text, j);
                this.endCell();
                return this.stopped ? j : this.endRecord(text, j, false);
            }
            if (c === this.escape) {
                this.take(text, j);
                this.state = ESCAPED;
                this.afterEscape = UNQUOTED;
                return j + 1;
            }
        }
        return j;
    }
    /** Quoted text up to the next quote or escape, counting its line breaks as editors do. */
    quoted(text, i) {
        for (let j = i; j < text.length; j++) {
            const c = text.charCodeAt(j);
            if (c === this.quote || c === this.escape) {
                this.take(text, j);
                this.crBefore = false;
                this.state = c === this.quote ? QUOTE_IN_QUOTED : ESCAPED;
                this.afterEscape = QUOTED;
                return j + 1;
            }
            if (c === LF) {
                if (!this.crBefore)
                    this.line++;
                this.crBefore = false;
            }
            else if (c === CR) {
                this.line++;
                this.crBefore = true;
            }
            else
                this.crBefore = false;
        }
        return text.length;
    }
    afterQuote(text, i) {
        const c = text.charCodeAt(i);
        if (c === this.quote && this.doubleQuote) {
            this.segment = i; // the second quote of the pair is the cell's text
            this.state = QUOTED;
            return i + 1;
        }
        if (c === this.delimiter) {
            this.endCell();
            this.state = FIELD_START;
            return i + 1;
        }
        if (c === LF || c === CR) {
            this.endCell();
            return this.stopped ? i : this.endRecord(text, i, false);
        }
        let after = i;
        while (after < text.length && after < i + 20) {
            const next = text.charCodeAt(after);
            if (next === this.delimiter || next === LF || next === CR)
                break;
            after++;
        }
        const quote = JSON.stringify(String.fromCharCode(this.quote));
        const fix = this.escape >= 0
            ? `escape any ${quote} inside it with ${JSON.stringify(String.fromCharCode(this.escape))}`
            : 'double any quote inside it';
        (this.problems ??= []).push({
            code: 'text-after-quote',
            line: this.line,
            fieldNumber: this.count + 1,
            message: `text ${JSON.stringify(text.slice(i, after))} follows the closing quote (${quote}) of field ${this.count + 1}; quote the whole field and ${fix}`
        });
        this.state = UNQUOTED;
        this.segment = i;
        return i;
    }
    /** The character after the escape character, as text (an escaped line break is a line of the cell). */
    escaped(text, i) {
        const c = text.charCodeAt(i);
        let end = i + 1;
        if (c === CR && text.charCodeAt(end) === LF)
            end++;
        if (c === LF || c === CR)
            this.line++;
        this.crBefore = c === CR && end === i + 1;
        // The escaped character begins the cell's next run of text (one piece per escape, not two).
        this.state = this.afterEscape;
        this.segment = i;
        return end;
    }
    comment(text, i) {
        let end = i;
        while (end < text.length) {
            const c = text.charCodeAt(end);
            if (c === LF || c === CR)
                return this.endRecord(text, end, true);
            end++;
        }
        return end;
    }
    /** The cell's text from `segment` to `end` of this text. */
    take(text, end) {
        if (end > this.segment)
            this.cell.push(text.slice(this.segment, end));
    }
    endCell() {
        const k = this.count++;
        this.cells[k] = this.cell.take();
        this.fieldLines[k] = this.fieldLine;
        if (this.count > MAX_COLUMNS) {
            this.onProblem({
                code: 'too-many-columns',
                line: this.recordLine,
                message: `the record on line ${this.recordLine} has more than ${MAX_COLUMNS.toLocaleString('en-US')} cells, more than the columns ml-smoke reads; the rest of the file is not read`
            });
            this.stopped = true;
        }
    }
    /** A record ends at the line break at `i`: it is handed over once the break is known (CR or CRLF). */
    endRecord(text, i, comment) {
        const rawTail = this.options.keepRaw ? text.slice(this.recordFrom, i) : '';
        this.build(comment, rawTail);
        this.line++;
        if (text.charCodeAt(i) === CR) {
            this.state = AFTER_CR;
            return i + 1;
        }
        this.state = RECORD_START;
        this.terminate('\n');
        return i + 1;
    }
    /** Fills the shared record: its cells as ranges of their joined text, where it is, its source text. */
    build(comment, rawTail) {
        const { record, cells, fieldLines, recordLine } = this;
        const count = comment ? 0 : this.count;
        let length = 0;
        for (let k = 0; k < count; k++)
            length += cells[k].length;
        // Cells are ranges of their joined text, unless that is long: then each is its own string (a record
        // of a 15 MiB cell is not copied once more).
        const joined = count <= 1 || length < JOIN_CHARS;
        record.reset(count === 1 ? cells[0] : joined ? cells.slice(0, count).join('') : '', recordLine);
        record.comment = comment;
        let at = 0;
        let spans = false;
        for (let k = 0; k < count; k++) {
            const cell = cells[k];
            if (joined)
                record.add(at, at + cell.length, undefined);
            else
                record.add(0, 0, cell === '' ? undefined : cell);
            at += cell.length;
            if (fieldLines[k] !== recordLine)
                spans = true;
        }
        record.fieldLines = spans ? fieldLines.slice(0, count) : null;
        record.endLine = this.line;
        const raw = this.raw;
        record.raw = this.options.keepRaw ? (raw.length ? raw.join('') + rawTail : rawTail) : '';
    }
    /** Hands over the built record; `terminator` is its line break ('' at the end of the file). */
    terminate(terminator) {
        const expected = this.lineTerminator;
        if (expected !== undefined &&
            terminator &&
            terminator !== expected &&
            !this.terminatorReported) {
            this.terminatorReported = true;
            const line = this.record.endLine;
            (this.problems ??= []).push({
                code: 'line-terminator',
                line,
                message: `line ${line} ends with ${TERMINATOR_NAMES[terminator]}, but the dialect's lineTerminator is ${TERMINATOR_NAMES[expected]}; rows after it are not checked for it (leave lineTerminator out to accept any line break)`
            });
        }
        if (this.problems)
            for (const problem of this.problems)
                this.onProblem(problem);
        this.problems = null;
        if (this.onRecord(this.record) === false)
            this.stopped = true;
    }
    unterminated() {
        const line = this.fieldLine;
        this.onProblem({
            code: 'unterminated-quote',
            line,
            fieldNumber: this.count + 1,
            message: `a quoted field opened on line ${line} is never closed; the rest of the file (from line ${line}) cannot be read as records`
        });
        this.stopped = true;
    }
    tooLong() {
        const inQuotes = this.state === QUOTED || (this.state === ESCAPED && this.afterEscape === QUOTED);
        this.onProblem({
            code: 'record-too-long',
            line: this.recordLine,
            message: `the record that starts on line ${this.recordLine} is longer than ${MAX_RECORD_TEXT}${inQuotes ? `, inside a quoted field: a quote (${String.fromCharCode(this.quote)}) opened on that line or after it is probably never closed` : ': the file is probably not CSV, or its line breaks are not LF, CRLF or CR'}; the rest of the file is not read`
        });
        this.stopped = true;
        this.cell.take();
        this.cells.fill('');
        this.raw = [];
    }
}

;// CONCATENATED MODULE: ./src/data/csv.ts






const QUOTE = 0x22;
const csv_LF = 0x0a;
const csv_CR = 0x0d;
// Where the scan of an unfinished record stands (see CsvTokenizer.scanForEnd).
const csv_FIELD_START = 0;
const csv_UNQUOTED = 1;
const csv_QUOTED = 2;
const csv_QUOTE_IN_QUOTED = 3;
const csv_AFTER_CR = 4;
/**
 * A strict RFC 4180 tokenizer that is fed text in chunks. It tracks physical lines as it goes, keeps
 * quoted delimiters, doubled quotes and newlines intact, and reports malformed quoting instead of guessing.
 * (Measured: udsv silently merges or drops rows on these inputs and csv-parse with line info is ~3x slower;
 * see README "Why a own tokenizer".)
 */
class CsvTokenizer {
    options;
    onRecord;
    onProblem;
    /** The unfinished record's text as of the last parse (and, while it is not finished, `pieces` after it). */
    buffer = '';
    /** Text pushed since the last parse, none of which can end the record in `buffer`. */
    pieces = [];
    piecesLength = 0;
    /** Where a scan for the end of the unfinished record stands at the end of buffer and pieces. */
    scan = csv_FIELD_START;
    line;
    stopped = false;
    delimiter;
    record = new CsvRecord();
    constructor(options, onRecord, onProblem) {
        this.options = options;
        this.onRecord = onRecord;
        this.onProblem = onProblem;
        this.delimiter = delimiterCode(options.delimiter);
        this.line = options.firstLine ?? 1;
    }
    get isStopped() {
        return this.stopped;
    }
    /** Text of a record not finished yet (a partition that ends inside a record has some). */
    get pendingLength() {
        return this.buffer.length + this.piecesLength;
    }
    /** The unfinished record, to be handed again in front of the next text (one flat string reads faster). */
    get heldLength() {
        return this.pendingLength;
    }
    /** Physical lines read so far (the next record starts on this line). */
    get currentLine() {
        return this.line;
    }
    /**
     * Adds text. An unfinished record is parsed again only once text arrives that can end it, so a record
     * cut into many chunks (a 10 MiB cell, a quote that never closes) costs time linear in its length.
     */
    push(text) {
        if (this.stopped)
            return;
        if (this.buffer.length === 0) {
            this.buffer = text;
            this.parseAndRescan();
            return;
        }
        if (!this.scanForEnd(text)) {
            this.pieces.push(text);
            this.piecesLength += text.length;
            if (this.pendingLength > MAX_RECORD_CHARS)
                this.tooLong();
            return;
        }
        this.buffer = this.joinPending(text);
        this.parseAndRescan();
    }
    /** Like push, for text that already begins with the unfinished record (`pendingLength` characters). */
    pushJoined(text) {
        if (this.stopped)
            return;
        this.pieces = [];
        this.piecesLength = 0;
        this.buffer = text;
        this.parseAndRescan();
    }
    finish() {
        if (this.stopped)
            return;
        if (this.piecesLength)
            this.buffer = this.joinPending('');
        this.parse(true);
        this.buffer = '';
    }
    joinPending(text) {
        const joined = this.buffer + this.pieces.join('') + text;
        this.pieces = [];
        this.piecesLength = 0;
        return joined;
    }
    /** Parses the buffer, then scans what is left of it (a record's start, within the last text) from scratch. */
    parseAndRescan() {
        this.parse(false);
        this.scan = csv_FIELD_START;
        if (this.buffer.length && !this.stopped)
            this.scanForEnd(this.buffer);
    }
    tooLong() {
        this.onProblem({
            code: 'record-too-long',
            line: this.line,
            message: `the record that starts on line ${this.line} is longer than ${MAX_RECORD_TEXT}${this.scan === csv_QUOTED ? ', inside a quoted field: a quote (") opened on that line or after it is probably never closed' : ': the file is probably not CSV, or its line breaks are not LF or CRLF'}; the rest of the file is not read`
        });
        this.stopped = true;
        this.buffer = '';
        this.pieces = [];
        this.piecesLength = 0;
    }
    /**
     * Whether the unfinished record can end in `text`, scanning it from where the last scan stopped (a field's
     * start, an unquoted field, a quoted one, just after a quote in a quoted field, just after a lone CR). It
     * follows the tokenizer's rules: a quote opens a field only at its start, a doubled quote stays inside.
     */
    scanForEnd(text) {
        const len = text.length;
        const delimiter = this.options.delimiter;
        let state = this.scan;
        let i = 0;
        // As in parse: each of these is searched again only once passed.
        let d = -1;
        let lf = -1;
        let cr = -1;
        while (i < len) {
            if (state === csv_AFTER_CR)
                return true;
            if (state === csv_FIELD_START) {
                if (text.charCodeAt(i) === QUOTE) {
                    state = csv_QUOTED;
                    i++;
                }
                else
                    state = csv_UNQUOTED;
            }
            else if (state === csv_QUOTED) {
                const q = text.indexOf('"', i);
                if (q === -1)
                    i = len;
                else {
                    state = csv_QUOTE_IN_QUOTED;
                    i = q + 1;
                }
            }
            else if (state === csv_QUOTE_IN_QUOTED) {
                if (text.charCodeAt(i) === QUOTE) {
                    state = csv_QUOTED;
                    i++;
                }
                else
                    state = csv_UNQUOTED; // a closing quote: a delimiter, a line break or text after it
            }
            else {
                if (d < i)
                    d = indexOrLength(text, delimiter, i);
                if (lf < i)
                    lf = indexOrLength(text, '\n', i);
                if (cr < i)
                    cr = indexOrLength(text, '\r', i);
                const at = Math.min(d, lf, cr);
                if (at === len)
                    i = len;
                else if (at === d) {
                    state = csv_FIELD_START;
                    i = at + 1;
                }
                else if (at === lf || at + 1 < len)
                    return true;
                else {
                    state = csv_AFTER_CR; // a CR that ends the text may be half of a CRLF
                    i = len;
                }
            }
        }
        this.scan = state;
        return false;
    }
    /** Parses every complete record in the buffer; an incomplete tail waits for more text unless `final`. */
    parse(final) {
        const buf = this.buffer;
        const len = buf.length;
        const delimiter = this.delimiter;
        const delimiterText = this.options.delimiter;
        const record = this.record;
        // Where the next delimiter, LF and CR are (len: none left), found with native indexOf, which scans
        // several times faster than a charCodeAt loop; each is searched again only once passed.
        let nextDelimiter = -1;
        let nextLF = -1;
        let nextCR = -1;
        let pos = 0;
        while (pos < len && !this.stopped) {
            const recordStart = pos;
            const startLine = this.line;
            let line = startLine;
            record.reset(buf, startLine);
            // Allocated only for a record that has one: this loop runs once per row of millions.
            let problems = null;
            let i = pos;
            let complete = false;
            let incomplete = false;
            for (;;) {
                const fieldLine = line;
                let start;
                let end;
                let escaped;
                if (i < len && buf.charCodeAt(i) === QUOTE) {
                    let j = i + 1;
                    let closed = -1;
                    let doubled = false;
                    for (;;) {
                        const q = buf.indexOf('"', j);
                        if (q === -1)
                            break;
                        if (q + 1 < len && buf.charCodeAt(q + 1) === QUOTE) {
                            doubled = true;
                            j = q + 2;
                            continue;
                        }
                        if (q + 1 >= len && !final)
                            break; // the next chunk may start with a second quote
                        closed = q;
                        break;
                    }
                    if (closed === -1) {
                        if (!final) {
                            incomplete = true;
                            break;
                        }
                        this.onProblem({
                            code: 'unterminated-quote',
                            line: fieldLine,
                            fieldNumber: record.count + 1,
                            message: `a quoted field opened on line ${fieldLine} is never closed; the rest of the file (from line ${fieldLine}) cannot be read as records`
                        });
                        this.stopped = true;
                        return;
                    }
                    if (doubled)
                        escaped = undoubleQuotes(buf, i + 1, closed);
                    start = i + 1;
                    end = closed;
                    if (nextLF < i)
                        nextLF = indexOrLength(buf, '\n', i);
                    if (nextCR < i)
                        nextCR = indexOrLength(buf, '\r', i);
                    if (nextLF < closed || nextCR < closed)
                        line += countLineBreaks(buf, i, closed);
                    i = closed + 1;
                    if (i < len) {
                        const next = buf.charCodeAt(i);
                        if (next !== delimiter && next !== csv_LF && next !== csv_CR) {
                            let after = i;
                            while (after < len) {
                                const c = buf.charCodeAt(after);
                                if (c === delimiter || c === csv_LF || c === csv_CR)
                                    break;
                                after++;
                            }
                            if (after >= len && !final) {
                                incomplete = true;
                                break;
                            }
                            ;
                            (problems ??= []).push({
                                code: 'text-after-quote',
                                line,
                                fieldNumber: record.count + 1,
                                message: `text ${JSON.stringify(buf.slice(i, Math.min(after, i + 20)))} follows the closing quote of field ${record.count + 1}; quote the whole field and double any quote inside it`
                            });
                            escaped = (escaped ?? buf.slice(start, end)) + buf.slice(i, after);
                            i = after;
                        }
                    }
                }
                else {
                    start = i;
                    if (nextDelimiter < i)
                        nextDelimiter = indexOrLength(buf, delimiterText, i);
                    if (nextLF < i)
                        nextLF = indexOrLength(buf, '\n', i);
                    if (nextCR < i)
                        nextCR = indexOrLength(buf, '\r', i);
                    i = nextDelimiter < nextLF ? nextDelimiter : nextLF;
                    if (nextCR < i)
                        i = nextCR;
                    if (i >= len && !final) {
                        incomplete = true;
                        break;
                    }
                    end = i;
                }
                record.add(start, end, escaped);
                if (record.count > MAX_COLUMNS) {
                    // Stopped at the first cell too many: a record of millions of commas costs no array of them.
                    this.onProblem({
                        code: 'too-many-columns',
                        line: startLine,
                        message: `the record on line ${startLine} has more than ${MAX_COLUMNS.toLocaleString('en-US')} cells, more than the columns ml-smoke reads; the rest of the file is not read`
                    });
                    this.stopped = true;
                    return;
                }
                if (line !== startLine || record.fieldLines) {
                    record.fieldLines ??= Array.from({ length: record.count - 1 }, () => startLine);
                    record.fieldLines.push(fieldLine);
                }
                if (i >= len) {
                    complete = true;
                    break;
                }
                const c = buf.charCodeAt(i);
                if (c === delimiter) {
                    i++;
                    continue;
                }
                // A lone CR at the very end of a chunk may be the first half of CRLF.
                if (c === csv_CR && i + 1 >= len && !final) {
                    incomplete = true;
                    break;
                }
                const rawEnd = i;
                i += c === csv_CR && buf.charCodeAt(i + 1) === csv_LF ? 2 : 1;
                line++;
                this.emit(line - 1, buf, recordStart, rawEnd, problems);
                complete = false;
                pos = i;
                break;
            }
            if (incomplete) {
                this.line = startLine;
                this.buffer = buf.slice(recordStart);
                return;
            }
            if (complete) {
                this.emit(line, buf, recordStart, len, problems);
                pos = len;
            }
            else {
                this.line = line;
            }
        }
        this.buffer = '';
    }
    emit(endLine, buf, start, end, problems) {
        this.line = endLine + 1;
        if (problems)
            for (const problem of problems)
                this.onProblem(problem);
        const record = this.record;
        record.endLine = endLine;
        record.raw = this.options.keepRaw ? buf.slice(start, end) : '';
        if (this.onRecord(record) === false)
            this.stopped = true;
    }
}
/**
 * buf[from, to) with each doubled quote made one, built from pieces joined a thousand at a time: a string
 * grown by one piece per pair (or replaceAll) held millions of pieces at once, and a cell of 4 M doubled
 * quotes took the CLI past 200 MiB (246 MiB for a subset of it); this peaks near twice the text.
 */
const SHORT_CELL_CHARS = 4096;
function undoubleQuotes(buf, from, to) {
    // Nearly every cell is short: plain concatenation. A long one is joined from pieces, a thousand at a
    // time, so that millions of doubled quotes do not become a string of millions of parts.
    if (to - from <= SHORT_CELL_CHARS) {
        let text = '';
        let at = from;
        for (let q = buf.indexOf('""', at); q !== -1 && q < to; q = buf.indexOf('""', at)) {
            text += buf.slice(at, q + 1);
            at = q + 2;
        }
        return text + buf.slice(at, to);
    }
    const parts = [];
    const chunks = [];
    let at = from;
    for (let q = buf.indexOf('""', at); q !== -1 && q < to; q = buf.indexOf('""', at)) {
        parts.push(buf.slice(at, q + 1));
        at = q + 2;
        if (parts.length === 1024) {
            chunks.push(parts.join(''));
            parts.length = 0;
        }
    }
    parts.push(buf.slice(at, to));
    chunks.push(parts.join(''));
    return chunks.length === 1 ? chunks[0] : chunks.join('');
}
function indexOrLength(buf, search, from) {
    const at = buf.indexOf(search, from);
    return at === -1 ? buf.length : at;
}
/** Line breaks (LF, CRLF or a lone CR, as editors count them) in buf[from, to). */
function countLineBreaks(buf, from, to) {
    let count = 0;
    for (let k = from; k < to; k++) {
        const c = buf.charCodeAt(k);
        if (c === csv_LF || (c === csv_CR && buf.charCodeAt(k + 1) !== csv_LF))
            count++;
    }
    return count;
}
/**
 * Reads a CSV file through the tokenizer piece by piece (see fileReads). Invalid UTF-8 stops reading with a
 * problem at the line where the bad byte is (the rest of the file cannot be decoded reliably).
 */
async function readCsvFile(file, options, onRecord, onProblem) {
    const tokenizer = needsDialectTokenizer(options.quoting)
        ? new DialectTokenizer(options, onRecord, onProblem)
        : new CsvTokenizer(options, onRecord, onProblem);
    const chunks = new Utf8Chunks(!options.start, true, (options.firstLine ?? 1) - 1);
    const reads = fileReads(await file_info_openRegularFile(file), options.start, options.end);
    let lineEnding;
    // Stopping early (a return, a throw) ends the reads, which closes the file.
    for await (const read of reads)
        for (const chunk of piecesOf(read)) {
            const text = chunks.decode(chunk);
            if (text === null) {
                // The whole lines before the bad byte are read first: their rows are checked too.
                tokenizer.push(chunks.validPrefix);
                if (!tokenizer.isStopped)
                    onProblem(chunks.problem);
                return { lineEnding: lineEnding ?? '\n' };
            }
            if (lineEnding === undefined) {
                const lf = text.indexOf('\n');
                if (lf !== -1)
                    lineEnding = lf > 0 && text.charCodeAt(lf - 1) === csv_CR ? '\r\n' : '\n';
            }
            if (chunks.carried)
                tokenizer.pushJoined(text);
            else
                tokenizer.push(text);
            if (tokenizer.isStopped)
                return { lineEnding: lineEnding ?? '\n' };
            chunks.hold(tokenizer.heldLength);
        }
    const tail = chunks.end();
    if (tail === null) {
        onProblem(chunks.problem);
        return { lineEnding: lineEnding ?? '\n' };
    }
    if (tail)
        tokenizer.push(tail);
    if (options.end !== undefined) {
        // A partition: a record cut by the range end belongs to the next partition, which reads it again.
        return {
            lineEnding: lineEnding ?? '\n',
            linesRead: tokenizer.currentLine - 1,
            endedBetweenRecords: tokenizer.pendingLength === 0
        };
    }
    tokenizer.finish();
    return { lineEnding: lineEnding ?? '\n' };
}

;// CONCATENATED MODULE: ./src/data/dialect.ts
/** The dialect's options for the tokenizer (undefined: RFC 4180's). */
function quotingOf(dialect) {
    if (!dialect)
        return undefined;
    const { quoteChar, doubleQuote, escapeChar, skipInitialSpace, commentChar, lineTerminator } = dialect;
    return { quoteChar, doubleQuote, escapeChar, skipInitialSpace, commentChar, lineTerminator };
}
/** Whether rows are other than one header row then data: the reader then numbers rows itself. */
function changesRowLayout(dialect) {
    if (!dialect)
        return false;
    const headerRows = dialect.headerRows;
    return (dialect.header === false ||
        (headerRows !== undefined && (headerRows.length !== 1 || headerRows[0] !== 1)) ||
        dialect.commentRows !== undefined ||
        dialect.commentChar !== undefined);
}
/**
 * Whether two threads can read the file from a line break in its middle: not when rows are numbered from
 * the file's start (header and comment rows), when the first mismatched line break is to be reported once
 * (lineTerminator), or when a quote that is not one byte hides from the byte scan for a boundary.
 */
function canSplitDialect(dialect) {
    if (!dialect)
        return true;
    const quote = dialect.quoteChar ?? '"';
    return (!changesRowLayout(dialect) && dialect.lineTerminator === undefined && quote.charCodeAt(0) < 0x80);
}

;// CONCATENATED MODULE: ./src/data/readers/dialect-rows.ts


/**
 * Several header rows make one label per column, as frictionless-py joins them: each row's cell, trimmed,
 * joined to the label with headerJoin, unless it repeats the cell above it (a merged cell written out).
 * One header row is its labels as they are.
 */
class HeaderLabels {
    headerJoin;
    first = null;
    joined = null;
    above = new Map();
    constructor(headerJoin) {
        this.headerJoin = headerJoin;
    }
    get rows() {
        return this.joined ? 2 : this.first ? 1 : 0;
    }
    add(cells) {
        if (this.first === null) {
            this.first = cells;
            return;
        }
        if (this.joined === null) {
            this.joined = [];
            this.join(this.first);
        }
        this.join(cells);
    }
    get labels() {
        return this.joined ?? this.first ?? [];
    }
    join(cells) {
        const labels = this.joined;
        cells.forEach((text, index) => {
            const cell = text.trim();
            if (this.above.get(index) === cell)
                return;
            this.above.set(index, cell);
            if (index >= labels.length)
                labels.push(cell);
            else
                labels[index] = `${labels[index]}${this.headerJoin}${cell}`;
        });
    }
}
/**
 * Hands a sink the header and the data rows of a file whose dialect has header rows other than the first
 * (headerRows), none (header: false), or comment rows (commentChar, commentRows). The header goes to the
 * sink just before the first data row, with the source text of every row before that row (the subset
 * keeps them, so the user's reader finds the header where it was). Without headerRows, the header is the
 * first row that is not a comment, as frictionless-py finds it; with them, rows before and between them
 * are neither header nor data.
 */
class DialectRows {
    dialect;
    sink;
    options;
    seen = 0;
    headerRows;
    commentRows;
    header;
    headerLine;
    headerRow;
    preamble = [];
    preambleLength = 0;
    headerSent = false;
    /** Reading stopped here (a label or the rows before the data too long): no header to hand over. */
    stopped = false;
    constructor(dialect, sink, options) {
        this.dialect = dialect;
        this.sink = sink;
        this.options = options;
        this.headerRows = dialect.header === false ? [] : (dialect.headerRows ?? []);
        this.commentRows = new Set(dialect.commentRows);
        this.header = new HeaderLabels(dialect.headerJoin ?? ' ');
    }
    record(record) {
        const n = ++this.seen;
        if (record.comment || this.commentRows.has(n))
            return this.beforeData(record);
        if (this.isHeaderRow(n)) {
            this.header.add(record.fields);
            this.headerLine ??= record.line;
            this.headerRow ??= n;
            // Labels joined from many rows can grow long: stop at the row that makes one too long.
            const tooLong = labelTooLong(this.header.labels, record.line);
            if (tooLong) {
                this.sink.problem({ ...tooLong, rowNumber: n });
                this.stopped = true;
                return false;
            }
            return this.beforeData(record);
        }
        const last = this.headerRows[this.headerRows.length - 1];
        if (last !== undefined && n < last)
            return this.beforeData(record);
        if (!this.headerSent)
            this.sendHeader(record.count);
        record.rowNumber = n;
        return this.sink.textRow
            ? this.sink.textRow(record, record)
            : this.sink.row(record.fields, record);
    }
    /** A problem of the record being read: the next one. */
    problem(problem) {
        this.sink.problem({ ...problem, rowNumber: this.seen + 1 });
    }
    /** At the end of the file: a header with no data rows after it is still the header. */
    finish() {
        if (!this.headerSent && !this.stopped && this.header.rows)
            this.sendHeader(0);
    }
    isHeaderRow(n) {
        if (this.dialect.header === false || this.headerSent)
            return false;
        return this.dialect.headerRows ? this.headerRows.includes(n) : this.header.rows === 0;
    }
    beforeData(record) {
        if (!this.options.keepRaw || this.headerSent)
            return true;
        this.preamble.push(record.raw);
        this.preambleLength += record.raw.length;
        if (this.preambleLength <= MAX_RECORD_CHARS)
            return true;
        this.sink.problem({
            code: 'record-too-long',
            line: record.line,
            rowNumber: this.seen,
            message: `the rows before the first data row (header, comment and skipped rows, to line ${record.endLine}) are longer than ${MAX_RECORD_TEXT}; the rest of the file is not read`
        });
        this.stopped = true;
        return false;
    }
    /** The header, made of the header rows, or named by the schema (else field1, field2, ...) without one. */
    sendHeader(width) {
        this.headerSent = true;
        const labels = this.dialect.header === false
            ? (this.options.columnNames ?? Array.from({ length: width }, (_, i) => `field${i + 1}`))
            : this.header.labels;
        const raw = this.options.keepRaw ? this.preamble : undefined;
        this.sink.header(labels, this.headerLine, raw, this.headerRow);
    }
}

;// CONCATENATED MODULE: ./src/data/readers/csv.ts




/**
 * CSV/TSV: the first record is the header; cells stay text, cast later by the schema. A record of more
 * than MAX_COLUMNS cells (the tokenizer stops it) or a header name longer than MAX_LABEL_CHARS stops
 * reading. A Table Dialect may quote, escape and comment otherwise (the tokenizer reads that) and lay rows
 * out otherwise: several header rows, none, comment rows (DialectRows reads those, from the file's start).
 */
async function readCsvTable(file, options, sink) {
    const partition = options.partition;
    const csvOptions = {
        delimiter: options.delimiter,
        keepRaw: options.keepRaw === true,
        quoting: quotingOf(options.dialect),
        start: partition?.start,
        end: partition?.end,
        firstLine: partition?.firstLine
    };
    if (changesRowLayout(options.dialect) && !partition?.start) {
        const rows = new DialectRows(options.dialect, sink, options);
        const result = await readCsvFile(file, csvOptions, record => rows.record(record), problem => rows.problem(problem));
        rows.finish();
        return result;
    }
    let header = true;
    if (partition?.header) {
        sink.header(partition.header);
        header = false;
    }
    return readCsvFile(file, csvOptions, record => {
        // A record of more than MAX_COLUMNS cells is stopped by the tokenizer (too-many-columns).
        if (header) {
            const tooLong = labelTooLong(record.fields, record.line);
            if (tooLong) {
                sink.problem(tooLong);
                return false;
            }
            header = false;
            sink.header(record.fields, record.line, options.keepRaw ? [record.raw] : undefined);
            return true;
        }
        // A CsvRecord already has the shape of a RowPosition (raw is '' unless keepRaw): no copy per row.
        return sink.textRow ? sink.textRow(record, record) : sink.row(record.fields, record);
    }, problem => sink.problem(problem));
}

;// CONCATENATED MODULE: ./src/json.ts
/**
 * Arrays and objects nested deeper than this are refused. A table cell or a metrics log is a few levels
 * deep; code that walks a value recursively (JSON.stringify, a reviver, structuredClone) runs out of stack
 * a few thousand levels down, which a hostile or broken file reaches in ten kilobytes.
 */
const MAX_JSON_DEPTH = 256;
/**
 * Values (array elements and object members, at any depth) and keys in one JSON text. Parsed, 8 M numbers
 * in a 16 MiB line took the CLI to 313 MiB and 1.4 M keys to 312 MiB; a table row holds far fewer (an
 * embedding, an image of 224 × 224 × 3 values), and MAX_COLUMNS keys make a row too wide anyway.
 */
const MAX_JSON_VALUES = 1_000_000;
const MAX_JSON_KEYS = 100_000;
/** A JSON text that would be too large or too deep to hold once parsed: refused, not a syntax error. */
class JsonLimitError extends Error {
    constructor(message) {
        super(message);
        this.name = 'JsonLimitError';
    }
}
/** A JSON text that parses but nests deeper than MAX_JSON_DEPTH. */
class JsonDepthError extends JsonLimitError {
    constructor() {
        super(`arrays or objects nested more than ${MAX_JSON_DEPTH} levels deep`);
        this.name = 'JsonDepthError';
    }
}
/**
 * Throws a JsonLimitError when `text` holds more than MAX_JSON_VALUES values or MAX_JSON_KEYS keys,
 * counted as the commas and colons outside strings, before anything is parsed. A value takes two
 * characters and a key five, so shorter text is not scanned.
 */
function checkJsonSize(text) {
    if (text.length < 2 * MAX_JSON_VALUES && text.length < 5 * MAX_JSON_KEYS)
        return;
    let commas = 0;
    let colons = 0;
    // Each is searched again only once passed (never once none is left); strings are skipped whole.
    const nextAt = (char, from) => {
        const at = text.indexOf(char, from);
        return at === -1 ? Infinity : at;
    };
    let comma = -1;
    let colon = -1;
    for (let i = 0; i < text.length;) {
        const quote = text.indexOf('"', i);
        const end = quote === -1 ? text.length : quote;
        if (comma < i)
            comma = nextAt(',', i);
        for (; comma < end; comma = nextAt(',', comma + 1))
            commas++;
        if (colon < i)
            colon = nextAt(':', i);
        for (; colon < end; colon = nextAt(':', colon + 1))
            colons++;
        if (quote === -1)
            break;
        i = afterString(text, quote);
    }
    if (commas + 1 > MAX_JSON_VALUES)
        throw new JsonLimitError(`about ${(commas + 1).toLocaleString('en-US')} values: more than the ${MAX_JSON_VALUES.toLocaleString('en-US')} ml-smoke reads in one JSON text`);
    if (colons > MAX_JSON_KEYS)
        throw new JsonLimitError(`${colons.toLocaleString('en-US')} keys: more than the ${MAX_JSON_KEYS.toLocaleString('en-US')} ml-smoke reads in one JSON text`);
}
const json_QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NO_MARK = Symbol('no mark');
/**
 * JSON.parse that also accepts the NaN, Infinity and -Infinity tokens Python's json.dumps writes, as the
 * numbers they mean, and refuses nesting deeper than MAX_JSON_DEPTH or more than MAX_JSON_VALUES values or
 * MAX_JSON_KEYS keys (JsonLimitError; `sizeLimits: false` for a document whose size the caller bounds).
 * Only tokens outside
 * strings are read as numbers: `"a, NaN, b"` stays text. Errors are JSON.parse's, about the text as given.
 */
function parsePythonJson(text, options = {}) {
    if (options.sizeLimits !== false)
        checkJsonSize(text);
    let value;
    let nanMark = null;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        // Valid JSON has no bare NaN or Infinity, so only text that failed is rewritten.
        if (!text.includes('NaN') && !text.includes('Infinity'))
            throw error;
        nanMark = markFor(text);
        const rewritten = rewriteNonFinite(text, nanMark);
        if (rewritten === null)
            throw error;
        try {
            value = JSON.parse(rewritten);
        }
        catch {
            throw error;
        }
    }
    // Nesting d levels deep takes at least 2d characters: shorter text needs no walk.
    if (nanMark !== null || text.length > 2 * MAX_JSON_DEPTH)
        value = walk(value, nanMark);
    return value;
}
/**
 * JSON.parse, refusing nesting deeper than MAX_JSON_DEPTH (JsonDepthError): for JSON from data (a CSV
 * cell of an array or object field) that later code stringifies or walks.
 */
function parseJson(text) {
    checkJsonSize(text);
    const value = JSON.parse(text);
    return text.length > 2 * MAX_JSON_DEPTH ? walk(value, null) : value;
}
/** A string that does not occur in `text`, to stand for NaN. */
function markFor(text) {
    let mark = '\u0000ml-smoke NaN';
    while (text.includes(mark))
        mark += '\u0000';
    return mark;
}
/**
 * `text` with each NaN, Infinity and -Infinity outside strings replaced by `"<mark>"`, 1e999 and -1e999
 * (which JSON.parse reads as ±Infinity); null when there is none. Strings are skipped whole, escapes and
 * all, with native indexOf.
 */
function rewriteNonFinite(text, mark) {
    const parts = [];
    let copied = 0;
    const len = text.length;
    for (let i = 0; i < len;) {
        const c = text.charCodeAt(i);
        if (c === json_QUOTE) {
            i = afterString(text, i);
            continue;
        }
        let token = null;
        let replacement = '';
        if (text.startsWith('NaN', i)) {
            token = 'NaN';
            replacement = JSON.stringify(mark);
        }
        else if (text.startsWith('Infinity', i)) {
            token = 'Infinity';
            replacement = '1e999';
        }
        else if (text.startsWith('-Infinity', i)) {
            token = '-Infinity';
            replacement = '-1e999';
        }
        if (token === null ||
            isWordChar(text.charCodeAt(i - 1)) ||
            isWordChar(text.charCodeAt(i + token.length))) {
            i++;
            continue;
        }
        parts.push(text.slice(copied, i), replacement);
        i += token.length;
        copied = i;
    }
    if (parts.length === 0)
        return null;
    parts.push(text.slice(copied));
    return parts.join('');
}
/** The index after the string that opens at `start` (its closing quote is not escaped), or the length. */
function afterString(text, start) {
    for (let from = start + 1;;) {
        const q = text.indexOf('"', from);
        if (q === -1)
            return text.length;
        let backslashes = 0;
        while (text.charCodeAt(q - 1 - backslashes) === BACKSLASH)
            backslashes++;
        if (backslashes % 2 === 0)
            return q + 1;
        from = q + 1;
    }
}
function isWordChar(c) {
    return ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f);
}
/**
 * Checks the depth of a parsed value without recursion (JsonDepthError past MAX_JSON_DEPTH) and, with a
 * mark, replaces the strings equal to it by NaN.
 */
function walk(value, nanMark) {
    // No string equals the mark when there is none.
    const mark = nanMark ?? NO_MARK;
    if (value === mark)
        return NaN;
    if (typeof value !== 'object' || value === null)
        return value;
    const containers = [value];
    const depths = [1];
    while (containers.length) {
        const container = containers.pop();
        const depth = depths.pop();
        if (depth > MAX_JSON_DEPTH)
            throw new JsonDepthError();
        if (Array.isArray(container)) {
            for (let k = 0; k < container.length; k++) {
                const item = container[k];
                if (typeof item === 'object' && item !== null) {
                    containers.push(item);
                    depths.push(depth + 1);
                }
                else if (item === mark)
                    container[k] = NaN;
            }
        }
        else {
            for (const key in container) {
                const item = container[key];
                if (typeof item === 'object' && item !== null) {
                    containers.push(item);
                    depths.push(depth + 1);
                }
                else if (item === mark)
                    // JSON.parse makes "__proto__" an own key; plain assignment would call the prototype's setter.
                    Object.defineProperty(container, key, { value: NaN, enumerable: true, writable: true });
            }
        }
    }
    return value;
}

;// CONCATENATED MODULE: ./src/data/readers/json.ts




function describe(value) {
    return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}
/** One JSON object per row: the first object's keys are the header, later rows are matched by key. */
class ObjectRows {
    sink;
    columns = null;
    index = new Map();
    constructor(sink) {
        this.sink = sink;
    }
    /** Hands a row to the sink; false when reading should stop (the sink said so, or a row is too wide). */
    add(record, line, raw) {
        if (this.columns === null) {
            const columns = Object.keys(record);
            const problem = columns.length > MAX_COLUMNS
                ? tooManyColumns(columns.length, 'keys', line)
                : labelTooLong(columns, line);
            if (problem) {
                this.sink.problem(problem);
                return false;
            }
            this.columns = columns;
            this.columns.forEach((name, i) => this.index.set(name, i));
            this.sink.header(this.columns, line);
        }
        const columns = this.columns;
        const cells = new Array(columns.length).fill(ABSENT);
        let extra;
        let next = 0;
        for (const key in record) {
            // Rows usually repeat the first row's key order: compare in order before looking the key up.
            const at = key === columns[next] ? next : this.index.get(key);
            if (at === undefined) {
                if ((extra ??= []).push(key) + columns.length > MAX_COLUMNS) {
                    this.sink.problem(tooManyColumns(Object.keys(record).length, 'keys', line));
                    return false;
                }
            }
            else {
                cells[at] = record[key];
                next = at + 1;
            }
        }
        return this.sink.row(cells, { line, raw }, extra);
    }
}
/** The problem for a JSON text that does not parse, or is too deep or too large to (see src/json.ts). */
function jsonError(error, line) {
    const message = error.message;
    return {
        code: 'json-error',
        line,
        message: error instanceof JsonLimitError
            ? `cannot read this JSON: ${message}`
            : `not valid JSON: ${message}`
    };
}
/**
 * Past this many records that do not parse, when they outnumber the rows read, the rest of the file is not
 * read: each costs JSON.parse a thrown SyntaxError (about 10 µs), so 100 MB of short broken lines would take
 * many minutes to list, and a file like that is not JSON to begin with.
 */
const MAX_UNREADABLE_RECORDS = 10_000;
/** Counts records that parse and records that do not; says when to stop (see MAX_UNREADABLE_RECORDS). */
class Readability {
    parsed = 0;
    unreadable = 0;
    read() {
        this.parsed++;
    }
    /** Counts a record that does not parse: the problem that stops reading when there are too many. */
    failed(line, what) {
        if (++this.unreadable <= MAX_UNREADABLE_RECORDS || this.unreadable <= this.parsed)
            return null;
        return {
            code: 'json-error',
            line,
            message: `more than ${MAX_UNREADABLE_RECORDS.toLocaleString('en-US')} ${what} are not valid JSON, more than parse: the file is probably not ${what === 'lines' ? 'JSON Lines' : 'a JSON array of rows'}; the rest of the file is not read`
        };
    }
}
function recordTooLong(line, what) {
    return {
        code: 'record-too-long',
        line,
        message: `${what} that starts on line ${line} is longer than ${MAX_RECORD_TEXT}; the rest of the file is not read`
    };
}
/**
 * JSON Lines, streamed: one object per line, Python's NaN/Infinity accepted. A line that is not an
 * object is reported at its line, never skipped silently; an empty line is a blank row. A line is looked
 * for only in the text that arrived since the last one ended, so a long line costs linear time; one
 * longer than MAX_RECORD_CHARS stops reading.
 */
async function readJsonlTable(file, options, sink) {
    const rows = new ObjectRows(sink);
    const readability = new Readability();
    const chunks = new Utf8Chunks(true, false);
    // The unfinished line: `pieces` in order, none with a line break.
    let pieces = [];
    let pendingLength = 0;
    let line = 0;
    let lineEnding;
    const handle = (text, carried, final) => {
        // A carried text already begins with the unfinished line, whose characters hold no line break.
        let end = text.indexOf('\n', carried ? pendingLength : 0);
        if (carried)
            pieces = [];
        if (end === -1 && !final) {
            pieces.push(text);
            pendingLength = carried ? text.length : pendingLength + text.length;
            if (pendingLength <= MAX_RECORD_CHARS)
                return true;
            sink.problem(recordTooLong(line + 1, 'the line'));
            return false;
        }
        if (pieces.length) {
            // The unfinished line ends in this text (or the file ends): join it once.
            const head = pieces.join('');
            text = head + text;
            if (end !== -1)
                end += head.length;
        }
        let start = 0;
        for (; end !== -1; end = text.indexOf('\n', start)) {
            line++;
            let content = text.slice(start, end);
            if (content.endsWith('\r')) {
                content = content.slice(0, -1);
                lineEnding ??= '\r\n';
            }
            lineEnding ??= '\n';
            start = end + 1;
            if (handleLine(content) === false)
                return false;
        }
        const rest = text.slice(start);
        pieces = rest === '' ? [] : [rest];
        pendingLength = rest.length;
        if (final && rest !== '') {
            line++;
            return handleLine(rest) !== false;
        }
        return true;
    };
    const handleLine = (content) => {
        // Checked first: a blank line would cost JSON.parse a thrown error.
        if (content === '' || (content.charCodeAt(0) <= 0x20 && content.trim() === '')) {
            sink.problem({ code: 'blank-row', line, message: 'the line is empty' });
            return;
        }
        let record;
        try {
            record = parsePythonJson(content);
        }
        catch (error) {
            sink.problem(jsonError(error, line));
            const stop = readability.failed(line, 'lines');
            if (stop)
                sink.problem(stop);
            return !stop;
        }
        readability.read();
        if (typeof record !== 'object' || record === null || Array.isArray(record)) {
            sink.problem({
                code: 'json-error',
                line,
                message: `expected a JSON object per line; got ${describe(record)}`
            });
            return;
        }
        return rows.add(record, line, options.keepRaw ? content : undefined);
    };
    // Stopping early ends the reads, which closes the file.
    for await (const read of fileReads(await file_info_openRegularFile(file)))
        for (const chunk of piecesOf(read)) {
            const text = chunks.decode(chunk);
            if (text === null) {
                // The whole lines before the bad byte are read first: their rows are checked too.
                if (handle(chunks.validPrefix, false, false))
                    sink.problem(chunks.problem);
                return { lineEnding };
            }
            if (!handle(text, chunks.carried, false))
                return { lineEnding };
            chunks.hold(pendingLength);
        }
    const tail = chunks.end();
    if (tail === null) {
        sink.problem(chunks.problem);
        return { lineEnding };
    }
    // The tail never begins with the unfinished line (`carried` is about the last chunk).
    handle(tail, false, true);
    return { lineEnding };
}
/** The next character that is not JSON whitespace. */
const NOT_WHITESPACE = /[^ \t\n\r]/g;
const readers_json_QUOTE = 0x22;
const json_BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
/**
 * Cuts the text of a JSON array, fed in pieces, into the text of each element, for JSON.parse one at a
 * time: memory follows the largest element, not the file. Strings are skipped whole; nesting is counted
 * outside them. Line numbers are counted for messages.
 */
class JsonArrayElements {
    onElement;
    /** Before the '[', between elements (after '[' or ','), in an element, after one, after the ']'. */
    state = 'start';
    pieces = [];
    pendingLength = 0;
    /** In the element: its depth, whether the scan is inside a string, and whether it is a scalar. */
    depth = 0;
    inString = false;
    escaped = false;
    scalar = false;
    elements = 0;
    /** Line breaks before the current text, and the line the element being cut starts on. */
    lines = 1;
    elementLine = 1;
    /** Why the text is not a JSON array, when it is not. */
    problem = null;
    constructor(onElement) {
        this.onElement = onElement;
    }
    /** Scans the next piece of text; false once the array is broken or the callback says stop. */
    push(text) {
        let i = 0;
        const len = text.length;
        let elementStart = this.state === 'element' ? 0 : -1;
        let counted = 0;
        const lineAt = (at) => {
            for (let k = text.indexOf('\n', counted); k !== -1 && k < at; k = text.indexOf('\n', k + 1))
                this.lines++;
            counted = Math.max(counted, at);
            return this.lines;
        };
        while (i < len) {
            if (this.state !== 'element') {
                NOT_WHITESPACE.lastIndex = i;
                const found = NOT_WHITESPACE.exec(text);
                if (!found)
                    break;
                i = found.index;
                const c = text[i];
                if (this.state === 'start') {
                    if (c !== '[')
                        return this.fail(lineAt(i), notAnArray(c));
                    this.state = 'next';
                    i++;
                }
                else if (this.state === 'end') {
                    return this.fail(lineAt(i), `text after the array ends: ${JSON.stringify(text.slice(i, i + 20))}`);
                }
                else if (c === ']' && (this.state === 'after' || this.elements === 0)) {
                    this.state = 'end';
                    i++;
                }
                else if (this.state === 'after') {
                    if (c !== ',')
                        return this.fail(lineAt(i), `expected "," or "]" after element ${this.elements}; got ${JSON.stringify(c)}`);
                    this.state = 'next';
                    i++;
                }
                else {
                    this.state = 'element';
                    this.elementLine = lineAt(i);
                    elementStart = i;
                    this.depth = 0;
                    this.inString = false;
                    this.escaped = false;
                    this.scalar = c !== '{' && c !== '[' && c !== '"';
                }
                continue;
            }
            const end = this.scanElement(text, i);
            if (end === -1)
                break;
            this.state = 'after';
            this.elements++;
            const pending = this.pieces;
            const piece = text.slice(elementStart, end);
            const element = pending.length ? pending.join('') + piece : piece;
            this.pieces = [];
            this.pendingLength = 0;
            i = end;
            if (!this.onElement(element, this.elementLine))
                return false;
        }
        if (this.state === 'element') {
            const piece = elementStart === 0 ? text : text.slice(elementStart);
            this.pieces.push(piece);
            this.pendingLength += piece.length;
            if (this.pendingLength > MAX_RECORD_CHARS) {
                this.problem = recordTooLong(this.elementLine, `element ${this.elements + 1} of the array`);
                return false;
            }
        }
        lineAt(len);
        return true;
    }
    /** The end of the element being cut in `text` from `i`, or -1 when it goes on past the text. */
    scanElement(text, i) {
        const len = text.length;
        if (this.scalar) {
            // A number, true, false, null (or something invalid, for JSON.parse to name): up to a , ] or space.
            for (; i < len; i++) {
                const c = text.charCodeAt(i);
                if (c === 0x2c || c === 0x5d || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09)
                    return i;
            }
            return -1;
        }
        while (i < len) {
            if (this.inString) {
                if (this.escaped) {
                    this.escaped = false;
                    i++;
                    continue;
                }
                // Strings are skipped with indexOf; a quote after an odd run of backslashes is escaped.
                const q = text.indexOf('"', i);
                const to = q === -1 ? len : q;
                let backslashes = 0;
                while (to - 1 - backslashes >= i && text.charCodeAt(to - 1 - backslashes) === json_BACKSLASH)
                    backslashes++;
                if (q === -1) {
                    this.escaped = backslashes % 2 === 1;
                    return -1;
                }
                i = q + 1;
                if (backslashes % 2 === 1)
                    continue;
                this.inString = false;
                if (this.depth === 0)
                    return i;
                continue;
            }
            const c = text.charCodeAt(i++);
            if (c === readers_json_QUOTE)
                this.inString = true;
            else if (c === OPEN_BRACKET || c === OPEN_BRACE)
                this.depth++;
            else if ((c === CLOSE_BRACKET || c === CLOSE_BRACE) && --this.depth === 0)
                return i;
        }
        return -1;
    }
    /** At the end of the text: whether it was a whole array (else `problem` says why). */
    finish() {
        if (this.state === 'end')
            return true;
        if (this.state === 'element' && this.scalar && this.depth === 0) {
            // A scalar element at the very end, with no ']' after it.
            return this.fail(this.elementLine, 'the array is never closed with "]"');
        }
        return this.fail(this.state === 'element' ? this.elementLine : this.lines, this.state === 'start'
            ? 'the file is empty; expected an array of row objects'
            : this.state === 'element'
                ? `element ${this.elements + 1}, which starts on line ${this.elementLine}, is cut short: the file ends inside it`
                : 'the array is never closed with "]"');
    }
    fail(line, message) {
        this.problem = {
            code: 'json-error',
            line,
            message: `not valid JSON: ${message} (line ${line})`
        };
        return false;
    }
}
function notAnArray(first) {
    const kind = first === '{'
        ? 'an object'
        : first === '"'
            ? 'a string'
            : /[-\d]/.test(first)
                ? 'a number'
                : first === 't' || first === 'f'
                    ? 'a boolean'
                    : first === 'n'
                        ? 'null'
                        : `text starting ${JSON.stringify(first)}`;
    return `expected an array of row objects; got ${kind}`;
}
/**
 * A JSON array of objects (or of arrays, the first being the header), streamed: each element is parsed
 * on its own, so memory follows the largest row, not the file. An element that does not parse is
 * reported and reading goes on; a broken array (a missing comma, text after it) stops reading there.
 */
async function readJsonTable(file, _options, sink) {
    const rows = new ObjectRows(sink);
    const readability = new Readability();
    let arrays;
    let width = 0;
    const onElement = (text, line) => {
        let element;
        try {
            element = parsePythonJson(text);
        }
        catch (error) {
            sink.problem(jsonError(error, line));
            const stop = readability.failed(line, 'elements');
            if (stop)
                sink.problem(stop);
            return !stop;
        }
        readability.read();
        // The first element decides: arrays (a header, then rows) or objects.
        if (arrays === undefined) {
            arrays = Array.isArray(element);
            if (arrays) {
                const labels = element.map(String);
                const problem = labels.length > MAX_COLUMNS
                    ? tooManyColumns(labels.length, 'labels', line)
                    : labelTooLong(labels, line);
                if (problem) {
                    sink.problem(problem);
                    return false;
                }
                width = labels.length;
                sink.header(labels);
                return true;
            }
        }
        if (arrays) {
            const cells = Array.isArray(element) ? element : [element];
            if (cells.length > Math.max(width, MAX_COLUMNS)) {
                sink.problem(tooManyColumns(cells.length, 'cells', line));
                return false;
            }
            return sink.row(cells, {}) !== false;
        }
        if (typeof element !== 'object' || element === null || Array.isArray(element)) {
            sink.problem({
                code: 'json-error',
                message: `expected an object per row; got ${describe(element)}`
            });
            return true;
        }
        return rows.add(element, undefined) !== false;
    };
    const elements = new JsonArrayElements(onElement);
    const chunks = new Utf8Chunks(true, false);
    // Stopping early ends the reads, which closes the file.
    for await (const read of fileReads(await file_info_openRegularFile(file))) {
        const text = chunks.decode(read);
        if (text === null) {
            if (elements.push(chunks.validPrefix))
                sink.problem(chunks.problem);
            else if (elements.problem)
                sink.problem(elements.problem);
            return {};
        }
        if (!elements.push(text)) {
            if (elements.problem)
                sink.problem(elements.problem);
            return {};
        }
    }
    const tail = chunks.end();
    if (tail === null)
        sink.problem(chunks.problem);
    else if (!(elements.push(tail) && elements.finish()) && elements.problem)
        sink.problem(elements.problem);
    return {};
}

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/constants.js

/** @type {import('../src/types.d.ts').ParquetType[]} */
const constants_ParquetTypes = [
  'BOOLEAN',
  'INT32',
  'INT64',
  'INT96', // deprecated
  'FLOAT',
  'DOUBLE',
  'BYTE_ARRAY',
  'FIXED_LEN_BYTE_ARRAY',
]

/** @type {import('../src/types.d.ts').Encoding[]} */
const constants_Encodings = [
  'PLAIN',
  'GROUP_VAR_INT', // deprecated
  'PLAIN_DICTIONARY',
  'RLE',
  'BIT_PACKED', // deprecated
  'DELTA_BINARY_PACKED',
  'DELTA_LENGTH_BYTE_ARRAY',
  'DELTA_BYTE_ARRAY',
  'RLE_DICTIONARY',
  'BYTE_STREAM_SPLIT',
  'ALP',
]

/** @type {import('../src/types.d.ts').FieldRepetitionType[]} */
const constants_FieldRepetitionTypes = [
  'REQUIRED',
  'OPTIONAL',
  'REPEATED',
]

/** @type {import('../src/types.d.ts').ConvertedType[]} */
const constants_ConvertedTypes = [
  'UTF8',
  'MAP',
  'MAP_KEY_VALUE',
  'LIST',
  'ENUM',
  'DECIMAL',
  'DATE',
  'TIME_MILLIS',
  'TIME_MICROS',
  'TIMESTAMP_MILLIS',
  'TIMESTAMP_MICROS',
  'UINT_8',
  'UINT_16',
  'UINT_32',
  'UINT_64',
  'INT_8',
  'INT_16',
  'INT_32',
  'INT_64',
  'JSON',
  'BSON',
  'INTERVAL',
]

/** @type {import('../src/types.d.ts').CompressionCodec[]} */
const constants_CompressionCodecs = [
  'UNCOMPRESSED',
  'SNAPPY',
  'GZIP',
  'LZO',
  'BROTLI',
  'LZ4',
  'ZSTD',
  'LZ4_RAW',
]

/** @type {import('../src/types.d.ts').PageType[]} */
const constants_PageTypes = [
  'DATA_PAGE',
  'INDEX_PAGE',
  'DICTIONARY_PAGE',
  'DATA_PAGE_V2',
]

/** @type {import('../src/types.d.ts').BoundaryOrder[]} */
const BoundaryOrders = (/* unused pure expression or super */ null && ([
  'UNORDERED',
  'ASCENDING',
  'DESCENDING',
]))

/** @type {import('../src/types.d.ts').EdgeInterpolationAlgorithm[]} */
const constants_EdgeInterpolationAlgorithms = [
  'SPHERICAL',
  'VINCENTY',
  'THOMAS',
  'ANDOYER',
  'KARNEY',
]

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/wkb.js
/**
 * WKB (Well-Known Binary) decoder for geometry objects.
 *
 * @param {DataReader} reader
 * @returns {Geometry} geometry object
 */
function wkbToGeojson(reader) {
  const flags = getFlags(reader)

  if (flags.type === 1) { // Point
    return { type: 'Point', coordinates: readPosition(reader, flags) }
  } else if (flags.type === 2) { // LineString
    return { type: 'LineString', coordinates: readLine(reader, flags) }
  } else if (flags.type === 3) { // Polygon
    return { type: 'Polygon', coordinates: readPolygon(reader, flags) }
  } else if (flags.type === 4) { // MultiPoint
    const points = []
    for (let i = 0; i < flags.count; i++) {
      points.push(readPosition(reader, getFlags(reader)))
    }
    return { type: 'MultiPoint', coordinates: points }
  } else if (flags.type === 5) { // MultiLineString
    const lines = []
    for (let i = 0; i < flags.count; i++) {
      lines.push(readLine(reader, getFlags(reader)))
    }
    return { type: 'MultiLineString', coordinates: lines }
  } else if (flags.type === 6) { // MultiPolygon
    const polygons = []
    for (let i = 0; i < flags.count; i++) {
      polygons.push(readPolygon(reader, getFlags(reader)))
    }
    return { type: 'MultiPolygon', coordinates: polygons }
  } else if (flags.type === 7) { // GeometryCollection
    const geometries = []
    for (let i = 0; i < flags.count; i++) {
      geometries.push(wkbToGeojson(reader))
    }
    return { type: 'GeometryCollection', geometries }
  } else {
    throw new Error(`Unsupported geometry type: ${flags.type}`)
  }
}

/**
 * Extract ISO WKB flags and base geometry type.
 *
 * @param {DataReader} reader
 * @returns {WkbFlags}
 */
function getFlags(reader) {
  const { view } = reader
  const littleEndian = view.getUint8(reader.offset++) === 1
  const rawType = view.getUint32(reader.offset, littleEndian)
  reader.offset += 4

  const type = rawType % 1000
  const flags = Math.floor(rawType / 1000)

  let count = 0
  if (type > 1 && type <= 7) {
    count = view.getUint32(reader.offset, littleEndian)
    reader.offset += 4
  }

  // XY, XYZ, XYM, XYZM
  let dim = 2
  if (flags) dim++
  if (flags === 3) dim++

  return { littleEndian, type, dim, count }
}

/**
 * @param {DataReader} reader
 * @param {WkbFlags} flags
 * @returns {number[]}
 */
function readPosition(reader, flags) {
  const points = []
  for (let i = 0; i < flags.dim; i++) {
    const coord = reader.view.getFloat64(reader.offset, flags.littleEndian)
    reader.offset += 8
    points.push(coord)
  }
  return points
}

/**
 * @param {DataReader} reader
 * @param {WkbFlags} flags
 * @returns {number[][]}
 */
function readLine(reader, flags) {
  const points = []
  for (let i = 0; i < flags.count; i++) {
    points.push(readPosition(reader, flags))
  }
  return points
}

/**
 * @param {DataReader} reader
 * @param {WkbFlags} flags
 * @returns {number[][][]}
 */
function readPolygon(reader, flags) {
  const { view } = reader
  const rings = []
  for (let r = 0; r < flags.count; r++) {
    const count = view.getUint32(reader.offset, flags.littleEndian)
    reader.offset += 4
    rings.push(readLine(reader, { ...flags, count }))
  }
  return rings
}

/**
 * @typedef {object} WkbFlags
 * @property {boolean} littleEndian
 * @property {number} type
 * @property {number} dim
 * @property {number} count
 */

/**
 * @import {DataReader, Geometry} from '../src/types.js'
 */

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/convert.js


/**
 * @import {ColumnDecoder, DecodedArray, Encoding, ParquetParsers} from '../src/types.js'
 */

const decoder = new TextDecoder()

/**
 * Default type parsers when no custom ones are given
 * @type ParquetParsers
 */
const convert_DEFAULT_PARSERS = {
  timestampFromMilliseconds(millis) {
    return new Date(Number(millis))
  },
  timestampFromMicroseconds(micros) {
    return new Date(Number(micros / 1000n))
  },
  timestampFromNanoseconds(nanos) {
    return new Date(Number(nanos / 1000000n))
  },
  dateFromDays(days) {
    return new Date(days * 86400000)
  },
  stringFromBytes(bytes) {
    return bytes && decoder.decode(bytes)
  },
  jsonFromBytes(bytes) {
    return bytes && JSON.parse(decoder.decode(bytes))
  },
  geometryFromBytes(bytes) {
    return bytes && wkbToGeojson({ view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 })
  },
  geographyFromBytes(bytes) {
    return bytes && wkbToGeojson({ view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 })
  },
  uuidFromBytes(bytes) {
    if (!bytes) return undefined
    const hex = Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('')
    return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' + hex.slice(20, 32)
  },
}

/**
 * Convert known types from primitive to rich, and dereference dictionary.
 *
 * @param {DecodedArray} data series of primitive types
 * @param {DecodedArray | undefined} dictionary
 * @param {Encoding} encoding
 * @param {ColumnDecoder} columnDecoder
 * @returns {DecodedArray} series of rich types
 */
function convertWithDictionary(data, dictionary, encoding, columnDecoder) {
  if (dictionary && encoding.endsWith('_DICTIONARY')) {
    let output = data
    if (data instanceof Uint8Array && !(dictionary instanceof Uint8Array)) {
      // @ts-expect-error upgrade data to match dictionary type with fancy constructor
      output = new dictionary.constructor(data.length)
    }
    for (let i = 0; i < data.length; i++) {
      output[i] = dictionary[data[i]]
    }
    return output
  } else {
    return convert_convert(data, columnDecoder)
  }
}

/**
 * Convert known types from primitive to rich.
 *
 * @param {DecodedArray} data series of primitive types
 * @param {ColumnDecoder} columnDecoder
 * @returns {DecodedArray} series of rich types
 */
function convert_convert(data, columnDecoder) {
  const { element, parsers, utf8 = true, schemaPath } = columnDecoder
  const { type, converted_type: ctype, logical_type: ltype } = element
  const nullable = element.repetition_type !== 'REQUIRED'

  // FILE inline data is binary, even when utf8 conversion is enabled.
  if (type === 'BYTE_ARRAY' && element.name === 'inline' && schemaPath?.at(-2)?.element.logical_type?.type === 'FILE') {
    return data
  }

  // Skip utf8 conversion for plain BYTE_ARRAY inside VARIANT
  const isVariant = schemaPath?.some(s => s.element.logical_type?.type === 'VARIANT')
  if (isVariant && type === 'BYTE_ARRAY' && ctype !== 'UTF8' && ltype?.type !== 'STRING') {
    return data
  }
  if (ctype === 'DECIMAL') {
    const scale = element.scale || 0
    // divide rather than multiply by 10 ** -scale, which is inexact
    // (3 * 10 ** -1 is 0.30000000000000004, 3 / 10 ** 1 is 0.3)
    const factor = 10 ** scale
    const arr = new Array(data.length)
    for (let i = 0; i < arr.length; i++) {
      if (data[i] instanceof Uint8Array) {
        // Large scales can overflow the divisor while the result is still representable.
        arr[i] = scale > 308 ? convert_parseDecimal(data[i]) * 10 ** -scale : convert_parseDecimal(data[i]) / factor
      } else {
        arr[i] = Number(data[i]) / factor
      }
    }
    return arr
  }
  if (!ctype && type === 'INT96') {
    return Array.from(data).map(v => parsers.timestampFromNanoseconds(parseInt96Nanos(v)))
  }
  if (ctype === 'DATE') {
    return Array.from(data).map(v => parsers.dateFromDays(v))
  }
  if (ctype === 'TIMESTAMP_MILLIS') {
    return Array.from(data).map(v => parsers.timestampFromMilliseconds(v))
  }
  if (ctype === 'TIMESTAMP_MICROS') {
    return Array.from(data).map(v => parsers.timestampFromMicroseconds(v))
  }
  if (ctype === 'JSON') {
    return data.map(v => parsers.jsonFromBytes(v))
  }
  if (ctype === 'BSON') {
    throw new Error('parquet bson not supported')
  }
  if (ctype === 'INTERVAL') {
    throw new Error('parquet interval not supported')
  }
  if (ltype?.type === 'GEOMETRY') {
    return data.map(v => parsers.geometryFromBytes(v))
  }
  if (ltype?.type === 'GEOGRAPHY') {
    return data.map(v => parsers.geographyFromBytes(v))
  }
  if (ltype?.type === 'UUID') {
    return data.map(v => parsers.uuidFromBytes(v))
  }
  if (ctype === 'UTF8' || ltype?.type === 'STRING' || utf8 && type === 'BYTE_ARRAY') {
    return data.map(v => parsers.stringFromBytes(v))
  }
  if (ctype === 'UINT_64' || ltype?.type === 'INTEGER' && ltype.bitWidth === 64 && !ltype.isSigned) {
    if (data instanceof BigInt64Array) return new BigUint64Array(data.buffer, data.byteOffset, data.length)
    const arr = nullable ? new Array(data.length) : new BigUint64Array(data.length)
    for (let i = 0; i < arr.length; i++) arr[i] = data[i]
    return arr
  }
  if (ctype === 'UINT_32' || ltype?.type === 'INTEGER' && ltype.bitWidth === 32 && !ltype.isSigned) {
    if (data instanceof Int32Array) return new Uint32Array(data.buffer, data.byteOffset, data.length)
    const arr = nullable ? new Array(data.length) : new Uint32Array(data.length)
    for (let i = 0; i < arr.length; i++) {
      arr[i] = data[i] < 0 ? 4294967296 + data[i] : data[i]
    }
    return arr
  }
  if (ltype?.type === 'FLOAT16') {
    return Array.from(data).map(convert_parseFloat16)
  }
  if (ltype?.type === 'TIMESTAMP') {
    const { unit } = ltype
    /** @type {ParquetParsers[keyof ParquetParsers]} */
    let parser = parsers.timestampFromMilliseconds
    if (unit === 'MICROS') parser = parsers.timestampFromMicroseconds
    if (unit === 'NANOS') parser = parsers.timestampFromNanoseconds
    const arr = new Array(data.length)
    for (let i = 0; i < arr.length; i++) {
      arr[i] = parser(data[i])
    }
    return arr
  }
  return data
}

/**
 * @param {Uint8Array} bytes
 * @returns {number}
 */
function convert_parseDecimal(bytes) {
  if (!bytes.length) return 0

  let value = 0n
  for (const byte of bytes) {
    value = value * 256n + BigInt(byte)
  }

  // handle signed
  const bits = bytes.length * 8
  if (value >= 2n ** BigInt(bits - 1)) {
    value -= 2n ** BigInt(bits)
  }

  return Number(value)
}

/**
 * Converts INT96 date format (hi 32bit days, lo 64bit nanos) to nanos since epoch
 * @param {bigint} value
 * @returns {bigint}
 */
function parseInt96Nanos(value) {
  const days = (value >> 64n) - 2440588n
  const nano = value & 0xffffffffffffffffn
  return days * 86400000000000n + nano
}

/**
 * @param {Uint8Array | undefined} bytes
 * @returns {number | undefined}
 */
function convert_parseFloat16(bytes) {
  if (!bytes) return undefined
  const int16 = bytes[1] << 8 | bytes[0]
  const sign = int16 >> 15 ? -1 : 1
  const exp = int16 >> 10 & 0x1f
  const frac = int16 & 0x3ff
  if (exp === 0) return sign * 2 ** -14 * (frac / 1024) // subnormals
  if (exp === 0x1f) return frac ? NaN : sign * Infinity
  return sign * 2 ** (exp - 15) * (1 + frac / 1024)
}

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/schema.js
/**
 * Build a tree from the schema elements.
 *
 * @param {SchemaElement[]} schema
 * @param {number} rootIndex index of the root element
 * @param {string[]} path path to the element
 * @returns {SchemaTree} tree of schema elements
 */
function schemaTree(schema, rootIndex, path) {
  const element = schema[rootIndex]
  const children = []
  let count = 1

  // Read the specified number of children
  if (element.num_children) {
    while (children.length < element.num_children) {
      const childElement = schema[rootIndex + count]
      const child = schemaTree(schema, rootIndex + count, [...path, childElement.name])
      count += child.count
      children.push(child)
    }
  }

  return { count, element, children, path }
}

/**
 * Get schema elements from the root to the given element name.
 *
 * @param {SchemaElement[]} schema
 * @param {string[]} name path to the element
 * @returns {SchemaTree[]} list of schema elements
 */
function getSchemaPath(schema, name) {
  return getTreePath(schemaTree(schema, 0, []), name)
}

/**
 * Get schema tree nodes from the root of a prebuilt tree to the given element name.
 *
 * @param {SchemaTree} tree root of the schema tree
 * @param {string[]} name path to the element
 * @returns {SchemaTree[]} list of schema elements
 */
function getTreePath(tree, name) {
  const path = [tree]
  for (const part of name) {
    const child = tree.children.find(child => child.element.name === part)
    if (!child) throw new Error(`parquet schema element not found: ${name}`)
    path.push(child)
    tree = child
  }
  return path
}

/**
 * Get all physical (leaf) column names.
 *
 * @param {SchemaTree} schemaTree
 * @returns {string[]} list of physical column names
 */
function getPhysicalColumns(schemaTree) {
  /** @type {string[]} */
  const columns = []
  /** @param {SchemaTree} node */
  function traverse(node) {
    if (node.children.length) {
      for (const child of node.children) {
        traverse(child)
      }
    } else {
      columns.push(node.path.join('.'))
    }
  }
  traverse(schemaTree)
  return columns
}

/**
 * Get the max repetition level for a given schema path.
 *
 * @param {SchemaTree[]} schemaPath
 * @returns {number} max repetition level
 */
function getMaxRepetitionLevel(schemaPath) {
  let maxLevel = 0
  for (const { element } of schemaPath) {
    if (element.repetition_type === 'REPEATED') {
      maxLevel++
    }
  }
  return maxLevel
}

/**
 * Get the max definition level for a given schema path.
 *
 * @param {SchemaTree[]} schemaPath
 * @returns {number} max definition level
 */
function getMaxDefinitionLevel(schemaPath) {
  let maxLevel = 0
  for (const { element } of schemaPath.slice(1)) {
    if (element.repetition_type !== 'REQUIRED') {
      maxLevel++
    }
  }
  return maxLevel
}

/**
 * Check if a column is list-like.
 *
 * @param {SchemaTree} schema
 * @returns {boolean} true if list-like
 */
function schema_isListLike(schema) {
  if (!schema) return false
  if (schema.element.converted_type !== 'LIST') return false
  if (schema.children.length > 1) return false

  const firstChild = schema.children[0]
  if (firstChild.children.length > 1) return false
  if (firstChild.element.repetition_type !== 'REPEATED') return false

  return true
}

/**
 * Check if a column is map-like.
 *
 * @param {SchemaTree} schema
 * @returns {boolean} true if map-like
 */
function schema_isMapLike(schema) {
  if (!schema) return false
  if (schema.element.converted_type !== 'MAP') return false
  if (schema.children.length > 1) return false

  const firstChild = schema.children[0]
  if (firstChild.children.length !== 2) return false
  if (firstChild.element.repetition_type !== 'REPEATED') return false

  const keyChild = firstChild.children.find(child => child.element.name === 'key')
  if (keyChild?.element.repetition_type === 'REPEATED') return false

  const valueChild = firstChild.children.find(child => child.element.name === 'value')
  if (valueChild?.element.repetition_type === 'REPEATED') return false

  return true
}

/**
 * Returns true if a column is non-nested.
 *
 * @param {SchemaTree[]} schemaPath
 * @returns {boolean}
 */
function schema_isFlatColumn(schemaPath) {
  if (schemaPath.length !== 2) return false
  const [, column] = schemaPath
  if (column.element.repetition_type === 'REPEATED') return false
  if (column.children.length) return false
  return true
}

/**
 * @import {SchemaElement, SchemaTree} from '../src/types.js'
 */

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/thrift.js
/**
 * @import {DataReader, ThriftObject, ThriftType} from '../src/types.js'
 */

// TCompactProtocol types
const STOP = 0
const TRUE = 1
const FALSE = 2
const BYTE = 3
const I16 = 4
const I32 = 5
const I64 = 6
const DOUBLE = 7
const BINARY = 8
const LIST = 9
const STRUCT = 12

/**
 * Parse TCompactProtocol
 *
 * @param {DataReader} reader
 * @returns {{ [key: `field_${number}`]: any }}
 */
function thrift_deserializeTCompactProtocol(reader) {
  /** @type {ThriftObject} */
  const value = {}
  let fid = 0

  while (true) {
    if (reader.offset >= reader.view.byteLength) throw new Error('thrift struct ended without STOP')
    // Parse each field based on its type and add to the result object
    const byte = reader.view.getUint8(reader.offset++)
    const type = byte & 0x0f
    if (type === STOP) break
    const delta = byte >> 4
    fid = delta ? fid + delta : readZigZag(reader)
    value[`field_${fid}`] = readElement(reader, type)
  }

  return value
}

/**
 * Read a single element based on its type
 *
 * @param {DataReader} reader
 * @param {number} type
 * @returns {ThriftType}
 */
function readElement(reader, type) {
  switch (type) {
  case TRUE:
    return true
  case FALSE:
    return false
  case BYTE:
    return reader.view.getInt8(reader.offset++)
  case I16:
  case I32:
    return readZigZag(reader)
  case I64:
    return readZigZagBigInt(reader)
  case DOUBLE: {
    const value = reader.view.getFloat64(reader.offset, true)
    reader.offset += 8
    return value
  }
  case BINARY: {
    const stringLength = readVarInt(reader)
    if (reader.offset + stringLength > reader.view.byteLength) {
      throw new Error(`thrift binary length ${stringLength} exceeds remaining ${reader.view.byteLength - reader.offset} bytes`)
    }
    const strBytes = new Uint8Array(reader.view.buffer, reader.view.byteOffset + reader.offset, stringLength)
    reader.offset += stringLength
    return strBytes
  }
  case LIST: {
    const byte = reader.view.getUint8(reader.offset++)
    const elemType = byte & 0x0f
    let listSize = byte >> 4
    if (listSize === 15) {
      listSize = readVarInt(reader)
    }
    const boolType = elemType === TRUE || elemType === FALSE
    const values = new Array(listSize)
    for (let i = 0; i < listSize; i++) {
      values[i] = boolType ? readElement(reader, BYTE) === 1 : readElement(reader, elemType)
    }
    return values
  }
  case STRUCT:
    // main function handles struct parsing
    return thrift_deserializeTCompactProtocol(reader)
  default:
    // MAP, SET, UUID not used by parquet
    throw new Error(`thrift unhandled type: ${type}`)
  }
}

/**
 * Read varint aka Unsigned LEB128.
 *
 * @param {DataReader} reader
 * @returns {number}
 */
function readVarInt(reader) {
  let result = 0
  let shift = 0
  while (true) {
    // Read groups of 7 low bits until high bit is 0
    const byte = reader.view.getUint8(reader.offset++)
    result |= (byte & 0x7f) << shift
    if (!(byte & 0x80)) {
      return result
    }
    shift += 7
  }
}

/**
 * Read a varint as a bigint.
 *
 * @param {DataReader} reader
 * @returns {bigint}
 */
function readVarBigInt(reader) {
  let result = 0n
  let shift = 0n
  while (true) {
    const byte = reader.view.getUint8(reader.offset++)
    result |= BigInt(byte & 0x7f) << shift
    if (!(byte & 0x80)) {
      return result
    }
    shift += 7n
  }
}

/**
 * Read a zigzag number.
 * Zigzag folds positive and negative numbers into the positive number space.
 *
 * @param {DataReader} reader
 * @returns {number}
 */
function readZigZag(reader) {
  const zigzag = readVarInt(reader)
  return zigzag >>> 1 ^ -(zigzag & 1)
}

/**
 * Read a zigzag bigint.
 *
 * @param {DataReader} reader
 * @returns {bigint}
 */
function readZigZagBigInt(reader) {
  const zigzag = readVarBigInt(reader)
  return zigzag >> 1n ^ -(zigzag & 1n)
}

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/geoparquet.js
/**
 * @param {SchemaElement[]} schema
 * @param {KeyValue[] | undefined} key_value_metadata
 * @returns {void}
 */
function geoparquet_markGeoColumns(schema, key_value_metadata) {
  // Prepare the list of GeoParquet columns
  /** @type {Map<string, LogicalType>} */
  const columns = new Map()
  const geo = key_value_metadata?.find(({ key }) => key === 'geo')?.value
  const decodedColumns = (geo && JSON.parse(geo)?.columns) ?? {}
  for (const [name, column] of Object.entries(decodedColumns)) {
    if (column.encoding !== 'WKB') continue

    const type = column.edges === 'spherical' ? 'GEOGRAPHY' : 'GEOMETRY'
    const id = column.crs?.id ?? column.crs?.ids?.[0]
    const crs = id ? `${id.authority}:${id.code.toString()}` : undefined
    // Note: we can't infer GEOGRAPHY's algorithm from GeoParquet
    columns.set(name, { type, crs })
  }

  // Mark schema elements with logical type
  // Only look at root-level columns of type BYTE_ARRAY without existing logical_type
  for (let i = 1; i < schema.length; i++) { // skip root
    const { logical_type, name, num_children, type } = schema[i]
    if (num_children) {
      i += num_children
      continue // skip the element and its children
    }
    if (type === 'BYTE_ARRAY' && !logical_type) {
      schema[i].logical_type = columns.get(name)
    }
  }
}

/**
 * @import {KeyValue, LogicalType, SchemaElement} from '../src/types.js'
 */

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/metadata.js






/**
 * @import {AsyncBuffer, FileMetaData, KeyValue, LogicalType, MetadataOptions, MinMaxType, ParquetParsers, SchemaElement, SchemaTree, Statistics, TimeUnit} from '../src/types.js'
 */

const metadata_defaultInitialFetchSize = 1 << 19 // 512kb

const metadata_decoder = new TextDecoder()
function decode(/** @type {Uint8Array} */ value) {
  return value && metadata_decoder.decode(value)
}

/**
 * Read parquet metadata from an async buffer.
 *
 * An AsyncBuffer is like an ArrayBuffer, but the slices are loaded
 * asynchronously, possibly over the network.
 *
 * You must provide the byteLength of the buffer, typically from a HEAD request.
 *
 * In theory, you could use suffix-range requests to fetch the end of the file,
 * and save a round trip. But in practice, this doesn't work because chrome
 * deems suffix-range requests as a not-safe-listed header, and will require
 * a pre-flight. So the byteLength is required.
 *
 * To make this efficient, we initially request the last 512kb of the file,
 * which is likely to contain the metadata. If the metadata length exceeds the
 * initial fetch, 512kb, we request the rest of the metadata from the AsyncBuffer.
 *
 * This ensures that we either make one 512kb initial request for the metadata,
 * or a second request for up to the metadata size.
 *
 * @param {AsyncBuffer} asyncBuffer parquet file contents
 * @param {MetadataOptions & { initialFetchSize?: number }} options initial fetch size in bytes (default 512kb)
 * @returns {Promise<FileMetaData>} parquet metadata object
 */
async function metadata_parquetMetadataAsync(asyncBuffer, { parsers, initialFetchSize = metadata_defaultInitialFetchSize, geoparquet = true } = {}) {
  if (!asyncBuffer || !(asyncBuffer.byteLength >= 0)) throw new Error('parquet expected AsyncBuffer')

  // fetch last bytes (footer) of the file
  const footerOffset = Math.max(0, asyncBuffer.byteLength - initialFetchSize)
  const footerBuffer = await asyncBuffer.slice(footerOffset, asyncBuffer.byteLength)

  // Check for parquet magic number "PAR1"
  const footerView = new DataView(footerBuffer)
  if (footerView.getUint32(footerBuffer.byteLength - 4, true) !== 0x31524150) {
    throw new Error('parquet file invalid (footer != PAR1)')
  }

  // Parquet files store metadata at the end of the file
  // Metadata length is 4 bytes before the last PAR1
  const metadataLength = footerView.getUint32(footerBuffer.byteLength - 8, true)
  if (metadataLength > asyncBuffer.byteLength - 8) {
    throw new Error(`parquet metadata length ${metadataLength} exceeds available buffer ${asyncBuffer.byteLength - 8}`)
  }

  // check if metadata size fits inside the initial fetch
  if (metadataLength + 8 > initialFetchSize) {
    // fetch the rest of the metadata
    const metadataOffset = asyncBuffer.byteLength - metadataLength - 8
    const metadataBuffer = await asyncBuffer.slice(metadataOffset, footerOffset)
    // combine initial fetch with the new slice
    const combinedBuffer = new ArrayBuffer(metadataLength + 8)
    const combinedView = new Uint8Array(combinedBuffer)
    combinedView.set(new Uint8Array(metadataBuffer))
    combinedView.set(new Uint8Array(footerBuffer), footerOffset - metadataOffset)
    return parquetMetadata(combinedBuffer, { parsers, geoparquet })
  } else {
    // parse metadata from the footer
    return parquetMetadata(footerBuffer, { parsers, geoparquet })
  }
}

/**
 * Read parquet metadata from a buffer synchronously.
 *
 * @param {ArrayBuffer | Uint8Array} arrayBuffer parquet file footer
 * @param {MetadataOptions} options metadata parsing options
 * @returns {FileMetaData} parquet metadata object
 */
function parquetMetadata(arrayBuffer, { parsers, geoparquet = true } = {}) {
  let view
  if (arrayBuffer instanceof ArrayBuffer) {
    view = new DataView(arrayBuffer)
  } else if (arrayBuffer instanceof Uint8Array) {
    view = new DataView(arrayBuffer.buffer, arrayBuffer.byteOffset, arrayBuffer.byteLength)
  } else {
    throw new Error('parquet expected ArrayBuffer or Uint8Array')
  }

  // Use default parsers if not given
  const allParsers = { ...convert_DEFAULT_PARSERS, ...parsers }

  // Validate footer magic number "PAR1"
  if (view.byteLength < 8) {
    throw new Error('parquet file is too short')
  }
  if (view.getUint32(view.byteLength - 4, true) !== 0x31524150) {
    throw new Error('parquet file invalid (footer != PAR1)')
  }

  // Parquet files store metadata at the end of the file
  // Metadata length is 4 bytes before the last PAR1
  const metadataLengthOffset = view.byteLength - 8
  const metadataLength = view.getUint32(metadataLengthOffset, true)
  if (metadataLength > view.byteLength - 8) {
    // {metadata}, metadata_length, PAR1
    throw new Error(`parquet metadata length ${metadataLength} exceeds available buffer ${view.byteLength - 8}`)
  }

  const metadataOffset = metadataLengthOffset - metadataLength
  const reader = { view, offset: metadataOffset }
  const metadata = thrift_deserializeTCompactProtocol(reader)

  // Parse metadata from thrift data
  const version = metadata.field_1
  /** @type {SchemaElement[]} */
  const schema = metadata.field_2.map((/** @type {any} */ field) => ({
    type: constants_ParquetTypes[field.field_1],
    type_length: field.field_2,
    repetition_type: constants_FieldRepetitionTypes[field.field_3],
    name: decode(field.field_4),
    num_children: field.field_5,
    converted_type: constants_ConvertedTypes[field.field_6],
    scale: field.field_7,
    precision: field.field_8,
    field_id: field.field_9,
    logical_type: logicalType(field.field_10),
  }))
  // schema element per column index
  const columnSchema = schema.filter(e => e.type)
  const num_rows = metadata.field_3
  const row_groups = metadata.field_4.map((/** @type {any} */ rowGroup) => ({
    columns: rowGroup.field_1.map((/** @type {any} */ column, /** @type {number} */ columnIndex) => ({
      file_path: decode(column.field_1),
      file_offset: column.field_2,
      meta_data: column.field_3 && {
        type: constants_ParquetTypes[column.field_3.field_1],
        encodings: column.field_3.field_2?.map((/** @type {number} */ e) => constants_Encodings[e]),
        path_in_schema: column.field_3.field_3.map(decode),
        codec: constants_CompressionCodecs[column.field_3.field_4],
        num_values: column.field_3.field_5,
        total_uncompressed_size: column.field_3.field_6,
        total_compressed_size: column.field_3.field_7,
        key_value_metadata: column.field_3.field_8?.map((/** @type {any} */ kv) => ({
          key: decode(kv.field_1),
          value: decode(kv.field_2),
        })),
        data_page_offset: column.field_3.field_9,
        index_page_offset: column.field_3.field_10,
        dictionary_page_offset: column.field_3.field_11,
        statistics: convertStats(column.field_3.field_12, columnSchema[columnIndex], allParsers),
        encoding_stats: column.field_3.field_13?.map((/** @type {any} */ encodingStat) => ({
          page_type: constants_PageTypes[encodingStat.field_1],
          encoding: constants_Encodings[encodingStat.field_2],
          count: encodingStat.field_3,
        })),
        bloom_filter_offset: column.field_3.field_14,
        bloom_filter_length: column.field_3.field_15,
        size_statistics: column.field_3.field_16 && {
          unencoded_byte_array_data_bytes: column.field_3.field_16.field_1,
          repetition_level_histogram: column.field_3.field_16.field_2,
          definition_level_histogram: column.field_3.field_16.field_3,
        },
        geospatial_statistics: column.field_3.field_17 && {
          bbox: column.field_3.field_17.field_1 && {
            xmin: column.field_3.field_17.field_1.field_1,
            xmax: column.field_3.field_17.field_1.field_2,
            ymin: column.field_3.field_17.field_1.field_3,
            ymax: column.field_3.field_17.field_1.field_4,
            zmin: column.field_3.field_17.field_1.field_5,
            zmax: column.field_3.field_17.field_1.field_6,
            mmin: column.field_3.field_17.field_1.field_7,
            mmax: column.field_3.field_17.field_1.field_8,
          },
          geospatial_types: column.field_3.field_17.field_2,
        },
      },
      offset_index_offset: column.field_4,
      offset_index_length: column.field_5,
      column_index_offset: column.field_6,
      column_index_length: column.field_7,
      crypto_metadata: column.field_8,
      encrypted_column_metadata: column.field_9,
    })),
    total_byte_size: rowGroup.field_2,
    num_rows: rowGroup.field_3,
    sorting_columns: rowGroup.field_4?.map((/** @type {any} */ sortingColumn) => ({
      column_idx: sortingColumn.field_1,
      descending: sortingColumn.field_2,
      nulls_first: sortingColumn.field_3,
    })),
    file_offset: rowGroup.field_5,
    total_compressed_size: rowGroup.field_6,
    ordinal: rowGroup.field_7,
  }))
  /** @type {KeyValue[] | undefined} */
  const key_value_metadata = metadata.field_5?.map((/** @type {any} */ kv) => ({
    key: decode(kv.field_1),
    value: decode(kv.field_2),
  }))
  const created_by = decode(metadata.field_6)

  if (geoparquet) {
    geoparquet_markGeoColumns(schema, key_value_metadata)
  }

  return {
    version,
    schema,
    num_rows,
    row_groups,
    key_value_metadata,
    created_by,
    metadata_length: metadataLength,
  }
}

/**
 * Return a tree of schema elements from parquet metadata.
 *
 * @param {{schema: SchemaElement[]}} metadata parquet metadata object
 * @returns {SchemaTree} tree of schema elements
 */
function parquetSchema({ schema }) {
  return getSchemaPath(schema, [])[0]
}

/**
 * @param {any} logicalType
 * @returns {LogicalType | undefined}
 */
function logicalType(logicalType) {
  if (logicalType?.field_1) return { type: 'STRING' }
  if (logicalType?.field_2) return { type: 'MAP' }
  if (logicalType?.field_3) return { type: 'LIST' }
  if (logicalType?.field_4) return { type: 'ENUM' }
  if (logicalType?.field_5) return {
    type: 'DECIMAL',
    scale: logicalType.field_5.field_1,
    precision: logicalType.field_5.field_2,
  }
  if (logicalType?.field_6) return { type: 'DATE' }
  if (logicalType?.field_7) return {
    type: 'TIME',
    isAdjustedToUTC: logicalType.field_7.field_1,
    unit: timeUnit(logicalType.field_7.field_2),
  }
  if (logicalType?.field_8) return {
    type: 'TIMESTAMP',
    isAdjustedToUTC: logicalType.field_8.field_1,
    unit: timeUnit(logicalType.field_8.field_2),
  }
  if (logicalType?.field_10) return {
    type: 'INTEGER',
    bitWidth: logicalType.field_10.field_1,
    isSigned: logicalType.field_10.field_2,
  }
  if (logicalType?.field_11) return { type: 'NULL' }
  if (logicalType?.field_12) return { type: 'JSON' }
  if (logicalType?.field_13) return { type: 'BSON' }
  if (logicalType?.field_14) return { type: 'UUID' }
  if (logicalType?.field_15) return { type: 'FLOAT16' }
  if (logicalType?.field_16) return {
    type: 'VARIANT',
    specification_version: logicalType.field_16.field_1,
  }
  if (logicalType?.field_17) return {
    type: 'GEOMETRY',
    crs: decode(logicalType.field_17.field_1),
  }
  if (logicalType?.field_18) return {
    type: 'GEOGRAPHY',
    crs: decode(logicalType.field_18.field_1),
    algorithm: constants_EdgeInterpolationAlgorithms[logicalType.field_18.field_2],
  }
  if (logicalType?.field_19) return { type: 'FILE' }
  return logicalType
}

/**
 * @param {any} unit
 * @returns {TimeUnit}
 */
function timeUnit(unit) {
  if (unit.field_1) return 'MILLIS'
  if (unit.field_2) return 'MICROS'
  if (unit.field_3) return 'NANOS'
  throw new Error('parquet time unit required')
}

/**
 * Convert column statistics based on column type.
 *
 * @param {any} stats
 * @param {SchemaElement} schema
 * @param {ParquetParsers} parsers
 * @returns {Statistics}
 */
function convertStats(stats, schema, parsers) {
  return stats && {
    max: convertMetadata(stats.field_1, schema, parsers),
    min: convertMetadata(stats.field_2, schema, parsers),
    null_count: stats.field_3,
    distinct_count: stats.field_4,
    max_value: convertMetadata(stats.field_5, schema, parsers),
    min_value: convertMetadata(stats.field_6, schema, parsers),
    is_max_value_exact: stats.field_7,
    is_min_value_exact: stats.field_8,
  }
}

/**
 * @param {Uint8Array | undefined} value
 * @param {SchemaElement} schema
 * @param {ParquetParsers} parsers
 * @returns {MinMaxType | undefined}
 */
function convertMetadata(value, schema, parsers) {
  const { type, converted_type, logical_type } = schema
  if (value === undefined) return value
  if (type === 'BOOLEAN') return value[0] === 1
  if (type === 'BYTE_ARRAY') return parsers.stringFromBytes(value)
  const view = new DataView(value.buffer, value.byteOffset, value.byteLength)
  if (type === 'FLOAT' && view.byteLength === 4) return view.getFloat32(0, true)
  if (type === 'DOUBLE' && view.byteLength === 8) return view.getFloat64(0, true)
  if (type === 'INT32' && converted_type === 'DECIMAL' && view.byteLength === 4) {
    return view.getInt32(0, true) / 10 ** (schema.scale || 0)
  }
  if (type === 'INT64' && converted_type === 'DECIMAL' && view.byteLength === 8) {
    return Number(view.getBigInt64(0, true)) / 10 ** (schema.scale || 0)
  }
  if (type === 'INT32' && converted_type === 'DATE') return parsers.dateFromDays(view.getInt32(0, true))
  if (type === 'INT64' && converted_type === 'TIMESTAMP_MILLIS') return parsers.timestampFromMilliseconds(view.getBigInt64(0, true))
  if (type === 'INT64' && converted_type === 'TIMESTAMP_MICROS') return parsers.timestampFromMicroseconds(view.getBigInt64(0, true))
  if (type === 'INT64' && logical_type?.type === 'TIMESTAMP' && logical_type?.unit === 'NANOS') return parsers.timestampFromNanoseconds(view.getBigInt64(0, true))
  if (type === 'INT64' && logical_type?.type === 'TIMESTAMP' && logical_type?.unit === 'MICROS') return parsers.timestampFromMicroseconds(view.getBigInt64(0, true))
  if (type === 'INT64' && logical_type?.type === 'TIMESTAMP') return parsers.timestampFromMilliseconds(view.getBigInt64(0, true))
  const unsigned = converted_type?.startsWith('UINT_') ||
    logical_type?.type === 'INTEGER' && !logical_type.isSigned
  if (type === 'INT32' && unsigned && view.byteLength === 4) return view.getUint32(0, true)
  if (type === 'INT64' && unsigned && view.byteLength === 8) return view.getBigUint64(0, true)
  if (type === 'INT32' && view.byteLength === 4) return view.getInt32(0, true)
  if (type === 'INT64' && view.byteLength === 8) return view.getBigInt64(0, true)
  if (converted_type === 'DECIMAL') {
    const scale = schema.scale || 0
    return scale > 308 ? convert_parseDecimal(value) * 10 ** -scale : convert_parseDecimal(value) / 10 ** scale
  }
  if (logical_type?.type === 'FLOAT16') return convert_parseFloat16(value)
  if (logical_type?.type === 'UUID') return parsers.uuidFromBytes(value)
  if (type === 'FIXED_LEN_BYTE_ARRAY') return value
  // assert(false)
  return value
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-compressors/src/brotli.bitreader.js
/* Copyright 2013 Google Inc. All Rights Reserved.

   Licensed under the Apache License, Version 2.0 (the "License");
   you may not use this file except in compliance with the License.
   You may obtain a copy of the License at

   http://www.apache.org/licenses/LICENSE-2.0

   Unless required by applicable law or agreed to in writing, software
   distributed under the License is distributed on an "AS IS" BASIS,
   WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
   See the License for the specific language governing permissions and
   limitations under the License.

   Bit reading helpers
*/

const BROTLI_READ_SIZE = 4096
const BROTLI_IBUF_SIZE = 2 * BROTLI_READ_SIZE + 32
const BROTLI_IBUF_MASK = 2 * BROTLI_READ_SIZE - 1

const kBitMask = new Uint32Array([
  0, 1, 3, 7, 15, 31, 63, 127, 255, 511, 1023, 2047, 4095, 8191, 16383, 32767,
  65535, 131071, 262143, 524287, 1048575, 2097151, 4194303, 8388607, 16777215,
])

class BrotliBitReader {
  /**
   * Input byte buffer, consist of a ringbuffer and a "slack" region where
   * bytes from the start of the ringbuffer are copied.
   *
   * @typedef {import('./brotli.streams.js').BrotliInput} BrotliInput
   * @param {BrotliInput} input
   */
  constructor(input) {
    this.buf_ = new Uint8Array(BROTLI_IBUF_SIZE)
    this.input_ = input /* input callback */

    this.buf_ptr_ = 0 /* next input will write here */
    this.val_ = 0 /* pre-fetched bits */
    this.pos_ = 0 /* byte position in stream */

    this.bit_pos_ = 0
    this.bit_end_pos_ = 0
    this.eos_ = 0

    this.reset()
  }

  static READ_SIZE = BROTLI_READ_SIZE
  static IBUF_MASK = BROTLI_IBUF_MASK

  reset() {
    this.buf_ptr_ = 0 /* next input will write here */
    this.val_ = 0 /* pre-fetched bits */
    this.pos_ = 0 /* byte position in stream */
    this.bit_pos_ = 0 /* current bit-reading position in val_ */
    this.bit_end_pos_ = 0 /* bit-reading end position from LSB of val_ */
    this.eos_ = 0 /* input stream is finished */

    this.readMoreInput()
    for (let i = 0; i < 4; i++) {
      this.val_ |= this.buf_[this.pos_] << 8 * i
      this.pos_++
    }

    return this.bit_end_pos_ > 0
  }

  /**
   * Fills up the input ringbuffer by calling the input callback.
   *
   * Does nothing if there are at least 32 bytes present after current position.
   *
   * Returns 0 if either:
   *  - the input callback returned an error, or
   *  - there is no more input and the position is past the end of the stream.
   *
   * After encountering the end of the input stream, 32 additional zero bytes are
   * copied to the ringbuffer, therefore it is safe to call this function after
   * every 32 bytes of input is read.
   */
  readMoreInput() {
    if (this.bit_end_pos_ > 256) {
      // return
    } else if (this.eos_) {
      if (this.bit_pos_ > this.bit_end_pos_)
        throw new Error('Unexpected end of input ' + this.bit_pos_ + ' ' + this.bit_end_pos_)
    } else {
      const dst = this.buf_ptr_
      const bytes_read = this.input_.read(this.buf_, dst, BROTLI_READ_SIZE)
      if (bytes_read < 0) {
        throw new Error('Unexpected end of input')
      }

      if (bytes_read < BROTLI_READ_SIZE) {
        this.eos_ = 1
        /* Store 32 bytes of zero after the stream end. */
        for (let p = 0; p < 32; p++)
          this.buf_[dst + bytes_read + p] = 0
      }

      if (dst === 0) {
        /* Copy the head of the ringbuffer to the slack region. */
        for (let p = 0; p < 32; p++)
          this.buf_[(BROTLI_READ_SIZE << 1) + p] = this.buf_[p]

        this.buf_ptr_ = BROTLI_READ_SIZE
      } else {
        this.buf_ptr_ = 0
      }

      this.bit_end_pos_ += bytes_read << 3
    }
  }

  /* Guarantees that there are at least 24 bits in the buffer. */
  fillBitWindow() {
    while (this.bit_pos_ >= 8) {
      this.val_ >>>= 8
      this.val_ |= this.buf_[this.pos_ & BROTLI_IBUF_MASK] << 24
      this.pos_++
      this.bit_pos_ = this.bit_pos_ - 8 >>> 0
      this.bit_end_pos_ = this.bit_end_pos_ - 8 >>> 0
    }
  }

  /**
   * Reads the specified number of bits from Read Buffer.
   *
   * @param {number} n_bits
   * @returns {number}
   */
  readBits(n_bits) {
    if (32 - this.bit_pos_ < n_bits) this.fillBitWindow()
    const val = this.val_ >>> this.bit_pos_ & kBitMask[n_bits]
    this.bit_pos_ += n_bits
    return val
  }
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-compressors/src/brotli.huffman.js

const kDefaultCodeLength = 8

const HUFFMAN_TABLE_BITS = 8
const HUFFMAN_TABLE_MASK = 0xff

const CODE_LENGTH_CODES = 18
const kCodeLengthCodeOrder = new Uint8Array([
  1, 2, 3, 4, 0, 5, 17, 6, 16, 7, 8, 9, 10, 11, 12, 13, 14, 15,
])

const kMaxHuffmanTableSize = new Uint16Array([
  256, 402, 436, 468, 500, 534, 566, 598, 630, 662, 694, 726, 758, 790, 822,
  854, 886, 920, 952, 984, 1016, 1048, 1080,
])

class HuffmanCode {
  /**
   * @param {number} bits
   * @param {number} value
   */
  constructor(bits, value) {
    this.bits = bits // number of bits used for this symbol
    this.value = value // symbol value or table offset
  }
}

const kCodeLengthRepeatCode = 16
const MAX_LENGTH = 15

/**
 * Returns reverse(reverse(key, len) + 1, len), where reverse(key, len) is the
 * bit-wise reversal of the len least significant bits of key.
 * @param {number} key
 * @param {number} len
 * @returns {number}
 */
function getNextKey(key, len) {
  let step = 1 << len - 1
  while (key & step) {
    step >>= 1
  }
  return (key & step - 1) + step
}

/**
 * Stores code in table[0], table[step], table[2*step], ..., table[end]
 * Assumes that end is an integer multiple of step
 * @param {HuffmanCode[]} table
 * @param {number} i
 * @param {number} step
 * @param {number} end
 * @param {HuffmanCode} code
 */
function replicateValue(table, i, step, end, code) {
  do {
    end -= step
    table[i + end] = new HuffmanCode(code.bits, code.value)
  } while (end > 0)
}

/**
 * Returns the table width of the next 2nd level table. count is the histogram
 * of bit lengths for the remaining symbols, len is the code length of the next
 * processed symbol
 * @param {Int32Array} count
 * @param {number} len
 * @param {number} root_bits
 * @returns {number}
 */
function nextTableBitSize(count, len, root_bits) {
  let left = 1 << len - root_bits
  while (len < MAX_LENGTH) {
    left -= count[len]
    if (left <= 0) break
    ++len
    left <<= 1
  }
  return len - root_bits
}

/**
 * @param {HuffmanCode[]} root_table
 * @param {number} table
 * @param {number} root_bits
 * @param {Uint8Array} code_lengths
 * @param {number} code_lengths_size
 * @returns {number}
 */
function buildHuffmanTable(root_table, table, root_bits, code_lengths, code_lengths_size) {
  const start_table = table
  const count = new Int32Array(MAX_LENGTH + 1) // number of codes of each length
  const offset = new Int32Array(MAX_LENGTH + 1) // offsets in sorted table for each length
  const sorted = new Int32Array(code_lengths_size) // symbols sorted by code length

  // build histogram of code lengths
  for (let i = 0; i < code_lengths_size; i++) {
    count[code_lengths[i]]++
  }

  // generate offsets into sorted symbol table by code length
  offset[1] = 0
  for (let i = 1; i < MAX_LENGTH; i++) {
    offset[i + 1] = offset[i] + count[i]
  }

  // sort symbols by length, by symbol order within each length
  for (let i = 0; i < code_lengths_size; i++) {
    if (code_lengths[i] !== 0) {
      sorted[offset[code_lengths[i]]++] = i
    }
  }

  let table_bits = root_bits // key length of current table
  let table_size = 1 << table_bits
  let total_size = table_size // sum of root table size and 2nd level table sizes

  // special case code with only one value
  if (offset[MAX_LENGTH] === 1) {
    for (let key = 0; key < total_size; ++key) {
      root_table[table + key] = new HuffmanCode(0, sorted[0] & 0xffff)
    }

    return total_size
  }

  // fill in root table
  let key = 0 // reversed prefix code
  let symbol = 0 // symbol index in original or sorted table
  for (let len = 1, step = 2; len <= root_bits; ++len, step <<= 1) {
    for (; count[len] > 0; --count[len]) {
      const code = new HuffmanCode(len & 0xff, sorted[symbol++] & 0xffff)
      replicateValue(root_table, table + key, step, table_size, code)
      key = getNextKey(key, len)
    }
  }

  // fill in 2nd level tables and add pointers to root table
  const mask = total_size - 1
  let low = -1 // low bits for current root entry
  for (let len = root_bits + 1, step = 2; len <= MAX_LENGTH; ++len, step <<= 1) {
    for (; count[len] > 0; --count[len]) {
      if ((key & mask) !== low) {
        table += table_size
        table_bits = nextTableBitSize(count, len, root_bits)
        table_size = 1 << table_bits
        total_size += table_size
        low = key & mask
        root_table[start_table + low] = new HuffmanCode(table_bits + root_bits & 0xff, table - start_table - low & 0xffff)
      }
      const code = new HuffmanCode(len - root_bits & 0xff, sorted[symbol++] & 0xffff)
      replicateValue(root_table, table + (key >> root_bits), step, table_size, code)
      key = getNextKey(key, len)
    }
  }

  return total_size
}

/**
 * @import {BrotliBitReader} from './brotli.bitreader.js'
 * @param {number} alphabet_size
 * @param {HuffmanCode[]} tables
 * @param {number} table
 * @param {BrotliBitReader} br
 * @returns {number}
 */
function readHuffmanCode(alphabet_size, tables, table, br) {
  const code_lengths = new Uint8Array(alphabet_size)

  br.readMoreInput()

  // simple_code_or_skip is used as follows:
  // - 1 for simple code;
  // - 0 for no skipping, 2 skips 2 code lengths, 3 skips 3 code lengths
  const simple_code_or_skip = br.readBits(2)
  if (simple_code_or_skip === 1) {
    // Read symbols, codes & code lengths directly
    let max_bits_counter = alphabet_size - 1
    let max_bits = 0
    const symbols = new Int32Array(4)
    const num_symbols = br.readBits(2) + 1
    while (max_bits_counter) {
      max_bits_counter >>= 1
      max_bits++
    }

    for (let i = 0; i < num_symbols; i++) {
      symbols[i] = br.readBits(max_bits) % alphabet_size
      code_lengths[symbols[i]] = 2
    }
    code_lengths[symbols[0]] = 1
    switch (num_symbols) {
    case 1:
      break
    case 3:
      if (symbols[0] === symbols[1] ||
            symbols[0] === symbols[2] ||
            symbols[1] === symbols[2]) {
        throw new Error('[ReadHuffmanCode] invalid symbols')
      }
      break
    case 2:
      if (symbols[0] === symbols[1]) {
        throw new Error('[ReadHuffmanCode] invalid symbols')
      }

      code_lengths[symbols[1]] = 1
      break
    case 4:
      if (symbols[0] === symbols[1] ||
            symbols[0] === symbols[2] ||
            symbols[0] === symbols[3] ||
            symbols[1] === symbols[2] ||
            symbols[1] === symbols[3] ||
            symbols[2] === symbols[3]) {
        throw new Error('[ReadHuffmanCode] invalid symbols')
      }

      if (br.readBits(1)) {
        code_lengths[symbols[2]] = 3
        code_lengths[symbols[3]] = 3
      } else {
        code_lengths[symbols[0]] = 2
      }
      break
    }
  } else { // Decode Huffman-coded code lengths
    const code_length_code_lengths = new Uint8Array(CODE_LENGTH_CODES)
    let space = 32
    let num_codes = 0
    // Static Huffman code for the code length code lengths
    const huff = [
      new HuffmanCode(2, 0), new HuffmanCode(2, 4), new HuffmanCode(2, 3), new HuffmanCode(3, 2),
      new HuffmanCode(2, 0), new HuffmanCode(2, 4), new HuffmanCode(2, 3), new HuffmanCode(4, 1),
      new HuffmanCode(2, 0), new HuffmanCode(2, 4), new HuffmanCode(2, 3), new HuffmanCode(3, 2),
      new HuffmanCode(2, 0), new HuffmanCode(2, 4), new HuffmanCode(2, 3), new HuffmanCode(4, 5),
    ]
    for (let i = simple_code_or_skip; i < CODE_LENGTH_CODES && space > 0; i++) {
      const code_len_idx = kCodeLengthCodeOrder[i]
      let p = 0
      br.fillBitWindow()
      p += br.val_ >>> br.bit_pos_ & 15
      br.bit_pos_ += huff[p].bits
      const v = huff[p].value
      code_length_code_lengths[code_len_idx] = v
      if (v !== 0) {
        space -= 32 >> v
        num_codes++
      }
    }

    if (!(num_codes === 1 || space === 0))
      throw new Error('[ReadHuffmanCode] invalid num_codes or space')

    readHuffmanCodeLengths(code_length_code_lengths, alphabet_size, code_lengths, br)
  }

  const table_size = buildHuffmanTable(tables, table, HUFFMAN_TABLE_BITS, code_lengths, alphabet_size)
  if (!table_size) throw new Error('brotli BuildHuffmanTable failed')
  return table_size
}

/**
 * Decodes the next Huffman code from bit-stream.
 * @param {HuffmanCode[]} table
 * @param {number} index
 * @param {BrotliBitReader} br
 * @returns {number}

 */
function readSymbol(table, index, br) {
  br.fillBitWindow()
  index += br.val_ >>> br.bit_pos_ & HUFFMAN_TABLE_MASK
  const nbits = table[index].bits - HUFFMAN_TABLE_BITS
  if (nbits > 0) {
    br.bit_pos_ += HUFFMAN_TABLE_BITS
    index += table[index].value
    index += br.val_ >>> br.bit_pos_ & (1 << nbits) - 1
  }
  br.bit_pos_ += table[index].bits
  return table[index].value
}

/**
 * @param {Uint8Array} code_length_code_lengths
 * @param {number} num_symbols
 * @param {Uint8Array} code_lengths
 * @param {BrotliBitReader} br
 */
function readHuffmanCodeLengths(code_length_code_lengths, num_symbols, code_lengths, br) {
  let symbol = 0
  let prev_code_len = kDefaultCodeLength
  let repeat = 0
  let repeat_code_len = 0
  let space = 32768

  const table = []
  for (let i = 0; i < 32; i++)
    table.push(new HuffmanCode(0, 0))

  buildHuffmanTable(table, 0, 5, code_length_code_lengths, CODE_LENGTH_CODES)

  while (symbol < num_symbols && space > 0) {
    let p = 0

    br.readMoreInput()
    br.fillBitWindow()
    p += br.val_ >>> br.bit_pos_ & 31
    br.bit_pos_ += table[p].bits
    const code_len = table[p].value & 0xff
    if (code_len < kCodeLengthRepeatCode) {
      repeat = 0
      code_lengths[symbol++] = code_len
      if (code_len !== 0) {
        prev_code_len = code_len
        space -= 32768 >> code_len
      }
    } else {
      const extra_bits = code_len - 14
      let new_len = 0
      if (code_len === kCodeLengthRepeatCode) {
        new_len = prev_code_len
      }
      if (repeat_code_len !== new_len) {
        repeat = 0
        repeat_code_len = new_len
      }
      const old_repeat = repeat
      if (repeat > 0) {
        repeat -= 2
        repeat <<= extra_bits
      }
      repeat += br.readBits(extra_bits) + 3
      const repeat_delta = repeat - old_repeat
      if (symbol + repeat_delta > num_symbols) {
        throw new Error('[ReadHuffmanCodeLengths] symbol + repeat_delta > num_symbols')
      }

      for (let x = 0; x < repeat_delta; x++)
        code_lengths[symbol + x] = repeat_code_len

      symbol += repeat_delta

      if (repeat_code_len !== 0) {
        space -= repeat_delta << 15 - repeat_code_len
      }
    }
  }
  if (space !== 0) {
    throw new Error('[ReadHuffmanCodeLengths] space = ' + space)
  }

  for (; symbol < num_symbols; symbol++)
    code_lengths[symbol] = 0
}


class HuffmanTreeGroup {
  /**
   * Contains a collection of huffman trees with the same alphabet size.
   *
   * @param {number} alphabet_size
   * @param {number} num_htrees
   */
  constructor(alphabet_size, num_htrees) {
    this.alphabet_size = alphabet_size
    this.num_htrees = num_htrees
    this.codes = new Array(num_htrees + num_htrees * kMaxHuffmanTableSize[alphabet_size + 31 >>> 5])
    this.htrees = new Uint32Array(num_htrees)
  }

  /**
   * @param {BrotliBitReader} br
   */
  decode(br) {
    let next = 0
    for (let i = 0; i < this.num_htrees; i++) {
      this.htrees[i] = next
      next += readHuffmanCode(this.alphabet_size, this.codes, next, br)
    }
  }
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-compressors/src/brotli.prefix.js
/* Copyright 2013 Google Inc. All Rights Reserved.
   Lookup tables to map prefix codes to value ranges. This is used during
   decoding of the block lengths, literal insertion lengths and copy lengths.
*/

/**
 * Represents the range of values belonging to a prefix code:
 * [offset, offset + 2^nbits)
 * @param {number[]} pair
 * @returns {{offset: number, nbits: number}}
 */
function prefix([ offset, nbits ]) {
  return { offset, nbits }
}

const kBlockLengthPrefixCode = [
  [1, 2], [5, 2], [9, 2], [13, 2],
  [17, 3], [25, 3], [33, 3], [41, 3],
  [49, 4], [65, 4], [81, 4], [97, 4],
  [113, 5], [145, 5], [177, 5], [209, 5],
  [241, 6], [305, 6], [369, 7], [497, 8],
  [753, 9], [1265, 10], [2289, 11], [4337, 12],
  [8433, 13], [16625, 24],
].map(prefix)

const kInsertLengthPrefixCode = [
  [0, 0], [1, 0], [2, 0], [3, 0],
  [4, 0], [5, 0], [6, 1], [8, 1],
  [10, 2], [14, 2], [18, 3], [26, 3],
  [34, 4], [50, 4], [66, 5], [98, 5],
  [130, 6], [194, 7], [322, 8], [578, 9],
  [1090, 10], [2114, 12], [6210, 14], [22594, 24],
].map(prefix)

const kCopyLengthPrefixCode = [
  [2, 0], [3, 0], [4, 0], [5, 0],
  [6, 0], [7, 0], [8, 0], [9, 0],
  [10, 1], [12, 1], [14, 2], [18, 2],
  [22, 3], [30, 3], [38, 4], [54, 4],
  [70, 5], [102, 5], [134, 6], [198, 7],
  [326, 8], [582, 9], [1094, 10], [2118, 24],
].map(prefix)

const kInsertRangeLut = [
  0, 0, 8, 8, 0, 16, 8, 16, 16,
]

const kCopyRangeLut = [
  0, 8, 0, 8, 16, 0, 16, 8, 16,
]

;// CONCATENATED MODULE: ./node_modules/hyparquet-compressors/src/gzip.huffman.js
// Adapted from https://github.com/101arrowz/fflate Copyright (c) 2023 Arjun Barrett
// https://tools.ietf.org/html/rfc1951

/* Maximum possible Huffman table size for an alphabet size of 704, max code
 * length 15 and root table bits 8. */
const HUFFMAN_MAX_TABLE_SIZE = 1080

// fixed length extra bits
const fixedLengthExtraBits = new Uint8Array([
  0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0, /* unused */ 0, 0, /* impossible */ 0,
])
const fixedDistanceExtraBits = new Uint8Array([
  0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13, /* unused */ 0, 0,
])

/**
 * get base, reverse index map from extra bits
 * @param {Uint8Array} eb
 * @param {number} start
 * @returns {{base: Uint16Array, rev: Int32Array}}
 */
function freb(eb, start) {
  const base = new Uint16Array(31)
  for (let i = 0; i < 31; i++) {
    base[i] = start += 1 << eb[i - 1]
  }
  // numbers here are max 18 bits
  const rev = new Int32Array(base[30])
  for (let i = 1; i < 30; i++) {
    for (let j = base[i]; j < base[i + 1]; ++j) {
      rev[j] = j - base[i] << 5 | i
    }
  }
  return { base, rev }
}

const { base: fixedLength, rev: revfl } = freb(fixedLengthExtraBits, 2)
// we can ignore the fact that the other numbers are wrong; they never happen anyway
fixedLength[28] = 258
revfl[258] = 28
const { base: fixedDistance } = freb(fixedDistanceExtraBits, 0)

// map of value to reverse (assuming 16 bits)
const rev = new Uint16Array(32768)
for (let i = 0; i < 32768; i++) {
  // reverse table algorithm from SO
  let x = (i & 0xAAAA) >> 1 | (i & 0x5555) << 1
  x = (x & 0xCCCC) >> 2 | (x & 0x3333) << 2
  x = (x & 0xF0F0) >> 4 | (x & 0x0F0F) << 4
  rev[i] = ((x & 0xFF00) >> 8 | (x & 0x00FF) << 8) >> 1
}

/**
 * create huffman tree from Uint8Array "map": index -> code length for code index
 * maxBits must be at most 15
 * @param {Uint8Array} cd
 * @param {number} maxBits
 * @param {0 | 1} r
 * @returns {Uint16Array}
 */
function huffMap(cd, maxBits, r) {
  // u16 "map": index -> # of codes with bit length = index
  const l = new Uint16Array(maxBits)
  // length of cd must be 288 (total # of codes)
  for (let i = 0; i < cd.length; i++) {
    if (cd[i]) ++l[cd[i] - 1]
  }
  // u16 "map": index -> minimum code for bit length = index
  const le = new Uint16Array(maxBits)
  for (let i = 1; i < maxBits; i++) {
    le[i] = le[i - 1] + l[i - 1] << 1
  }
  let co
  if (r) {
    // u16 "map": index -> number of actual bits, symbol for code
    co = new Uint16Array(1 << maxBits)
    // bits to remove for reverser
    const rvb = 15 - maxBits
    for (let i = 0; i < cd.length; i++) {
      // ignore 0 lengths
      if (cd[i]) {
        // num encoding both symbol and bits read
        const sv = i << 4 | cd[i]
        const freeBits = maxBits - cd[i]
        let startValue = le[cd[i] - 1]++ << freeBits
        for (const endValue = startValue | (1 << freeBits) - 1; startValue <= endValue; startValue++) {
          // every 16 bit value starting with the code yields the same result
          co[rev[startValue] >> rvb] = sv
        }
      }
    }
  } else {
    co = new Uint16Array(cd.length)
    for (let i = 0; i < cd.length; i++) {
      if (cd[i]) {
        co[i] = rev[le[cd[i] - 1]++] >> 15 - cd[i]
      }
    }
  }
  return co
}

// construct huffman trees
const fixedLengthTree = new Uint8Array(288)
for (let i = 0; i < 144; i++) fixedLengthTree[i] = 8
for (let i = 144; i < 256; i++) fixedLengthTree[i] = 9
for (let i = 256; i < 280; i++) fixedLengthTree[i] = 7
for (let i = 280; i < 288; i++) fixedLengthTree[i] = 8
const fixedDistanceTree = new Uint8Array(32)
for (let i = 0; i < 32; i++) fixedDistanceTree[i] = 5

const fixedLengthMap = /*#__PURE__*/ huffMap(fixedLengthTree, 9, 1)
const fixedDistanceMap = /*#__PURE__*/ huffMap(fixedDistanceTree, 5, 1)


;// CONCATENATED MODULE: ./node_modules/hyparquet-compressors/src/brotli.blocks.js





/**
 * @import {HuffmanCode} from './brotli.huffman.js'
 * @param {number} max_block_type
 * @param {HuffmanCode[]} trees
 * @param {number} tree_type
 * @param {number[]} block_types
 * @param {number[]} ringbuffers
 * @param {number[]} indexes
 * @param {BrotliBitReader} br
 */
function decodeBlockType(max_block_type, trees, tree_type, block_types, ringbuffers, indexes, br) {
  const ringbuffer = tree_type * 2
  const index = tree_type
  const type_code = readSymbol(trees, tree_type * HUFFMAN_MAX_TABLE_SIZE, br)
  let block_type
  if (type_code === 0) {
    block_type = ringbuffers[ringbuffer + (indexes[index] & 1)]
  } else if (type_code === 1) {
    block_type = ringbuffers[ringbuffer + (indexes[index] - 1 & 1)] + 1
  } else {
    block_type = type_code - 2
  }
  if (block_type >= max_block_type) {
    block_type -= max_block_type
  }
  block_types[tree_type] = block_type
  ringbuffers[ringbuffer + (indexes[index] & 1)] = block_type
  indexes[index]++
}

/**
 * @typedef {{ input_end: number, is_metadata: boolean, meta_block_length: number, is_uncompressed: number }} MetaBlockLength
 * @param {BrotliBitReader} br
 * @returns {MetaBlockLength}
 */
function decodeMetaBlockLength(br) {
  const out = {
    meta_block_length: 0,
    input_end: 0,
    is_uncompressed: 0,
    is_metadata: false,
  }

  out.input_end = br.readBits(1)
  if (out.input_end && br.readBits(1)) {
    return out
  }

  const size_nibbles = br.readBits(2) + 4
  if (size_nibbles === 7) {
    out.is_metadata = true

    if (br.readBits(1) !== 0)
      throw new Error('Invalid reserved bit')

    const size_bytes = br.readBits(2)
    if (size_bytes === 0)
      return out

    for (let i = 0; i < size_bytes; i++) {
      const next_byte = br.readBits(8)
      if (i + 1 === size_bytes && size_bytes > 1 && next_byte === 0)
        throw new Error('Invalid size byte')

      out.meta_block_length |= next_byte << i * 8
    }
  } else {
    for (let i = 0; i < size_nibbles; i++) {
      const next_nibble = br.readBits(4)
      if (i + 1 === size_nibbles && size_nibbles > 4 && next_nibble === 0)
        throw new Error('Invalid size nibble')

      out.meta_block_length |= next_nibble << i * 4
    }
  }

  out.meta_block_length++

  if (!out.input_end && !out.is_metadata) {
    out.is_uncompressed = br.readBits(1)
  }

  return out
}


/**
 * @import {BrotliOutput} from './brotli.streams.js'
 * @param {BrotliOutput} output
 * @param {number} len
 * @param {number} pos
 * @param {Uint8Array} ringbuffer
 * @param {number} ringbuffer_mask
 * @param {BrotliBitReader} br
 */
function copyUncompressedBlockToOutput(output, len, pos, ringbuffer, ringbuffer_mask, br) {
  const rb_size = ringbuffer_mask + 1
  let rb_pos = pos & ringbuffer_mask
  let br_pos = br.pos_ & BrotliBitReader.IBUF_MASK

  // For short lengths copy byte-by-byte
  if (len < 8 || br.bit_pos_ + (len << 3) < br.bit_end_pos_) {
    while (len-- > 0) {
      br.readMoreInput()
      ringbuffer[rb_pos++] = br.readBits(8)
      if (rb_pos === rb_size) {
        output.write(ringbuffer, rb_size)
        rb_pos = 0
      }
    }
    return
  }

  if (br.bit_end_pos_ < 32) {
    throw new Error('copyUncompressedBlockToOutput: br.bit_end_pos_ < 32')
  }

  // Copy remaining 0-4 bytes from br.val_ to ringbuffer
  while (br.bit_pos_ < 32) {
    ringbuffer[rb_pos] = br.val_ >>> br.bit_pos_
    br.bit_pos_ += 8
    rb_pos++
    len--
  }

  // Copy remaining bytes from br.buf_ to ringbuffer
  let nbytes = br.bit_end_pos_ - br.bit_pos_ >> 3
  if (br_pos + nbytes > BrotliBitReader.IBUF_MASK) {
    const tail = BrotliBitReader.IBUF_MASK + 1 - br_pos
    for (let x = 0; x < tail; x++)
      ringbuffer[rb_pos + x] = br.buf_[br_pos + x]

    nbytes -= tail
    rb_pos += tail
    len -= tail
    br_pos = 0
  }

  for (let x = 0; x < nbytes; x++)
    ringbuffer[rb_pos + x] = br.buf_[br_pos + x]

  rb_pos += nbytes
  len -= nbytes

  // If we wrote past the logical end of the ringbuffer, copy the tail of the
  // ringbuffer to its beginning and flush the ringbuffer to the output
  if (rb_pos >= rb_size) {
    output.write(ringbuffer, rb_size)
    rb_pos -= rb_size
    for (let x = 0; x < rb_pos; x++)
      ringbuffer[x] = ringbuffer[rb_size + x]
  }

  // If we have more to copy than the remaining size of the ringbuffer, then we
  // first fill the ringbuffer from the input and then flush the ringbuffer
  while (rb_pos + len >= rb_size) {
    nbytes = rb_size - rb_pos
    if (br.input_.read(ringbuffer, rb_pos, nbytes) < nbytes) {
      throw new Error('copyUncompressedBlockToOutput: not enough bytes')
    }
    output.write(ringbuffer, rb_size)
    len -= nbytes
    rb_pos = 0
  }

  // Copy straight from the input onto the ringbuffer
  // Ringbuffer will be flushed to output later
  if (br.input_.read(ringbuffer, rb_pos, len) < len) {
    throw new Error('copyUncompressedBlockToOutput: not enough bytes')
  }

  // Restore the state of the bit reader
  br.reset()
}

/**
 * Decodes a number in the range [0..255], by reading 1 - 11 bits.
 * @param {BrotliBitReader} br
 * @returns {number}
 */
function decodeVarLenUint8(br) {
  if (br.readBits(1)) {
    const nbits = br.readBits(3)
    if (nbits === 0) {
      return 1
    } else {
      return br.readBits(nbits) + (1 << nbits)
    }
  }
  return 0
}

/**
 * @param {BrotliBitReader} br
 * @returns {number}
 */
function decodeWindowBits(br) {
  if (br.readBits(1) === 0) return 16

  let n = br.readBits(3)
  if (n > 0) return 17 + n

  n = br.readBits(3)
  if (n > 0) return 8 + n

  return 17
}

/**
 * Advances the bit reader position to the next byte boundary and verifies
 * that any skipped bits are set to zero.
 * @param {BrotliBitReader} br
 * @returns {boolean}
 */
function jumpToByteBoundary(br) {
  const new_bit_pos = br.bit_pos_ + 7 & ~7
  return !br.readBits(new_bit_pos - br.bit_pos_)
}

/**
 * @param {HuffmanCode[]} table
 * @param {number} index
 * @param {BrotliBitReader} br
 * @returns {number}
 */
function readBlockLength(table, index, br) {
  const code = readSymbol(table, index, br)
  const { offset, nbits } = kBlockLengthPrefixCode[code]
  return offset + br.readBits(nbits)
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-compressors/src/brotli.context.js
/* Copyright 2013 Google Inc. All Rights Reserved.

   Lookup table to map the previous two bytes to a context id.

   There are four different context modeling modes defined here:
     CONTEXT_LSB6: context id is the least significant 6 bits of the last byte,
     CONTEXT_MSB6: context id is the most significant 6 bits of the last byte,
     CONTEXT_UTF8: second-order context model tuned for UTF8-encoded text,
     CONTEXT_SIGNED: second-order context model tuned for signed integers.

   The context id for the UTF8 context model is calculated as follows. If p1
   and p2 are the previous two bytes, we calcualte the context as

     context = kContextLookup[p1] | kContextLookup[p2 + 256].

   If the previous two bytes are ASCII characters (i.e. < 128), this will be
   equivalent to

     context = 4 * context1(p1) + context2(p2),

   where context1 is based on the previous byte in the following way:

     0  : non-ASCII control
     1  : \t, \n, \r
     2  : space
     3  : other punctuation
     4  : " '
     5  : %
     6  : ( < [ {
     7  : ) > ] }
     8  : , ; :
     9  : .
     10 : =
     11 : number
     12 : upper-case vowel
     13 : upper-case consonant
     14 : lower-case vowel
     15 : lower-case consonant

   and context2 is based on the second last byte:

     0 : control, space
     1 : punctuation
     2 : upper-case letter, number
     3 : lower-case letter

   If the last byte is ASCII, and the second last byte is not (in a valid UTF8
   stream it will be a continuation byte, value between 128 and 191), the
   context is the same as if the second last byte was an ASCII control or space.

   If the last byte is a UTF8 lead byte (value >= 192), then the next byte will
   be a continuation byte and the context id is 2 or 3 depending on the LSB of
   the last byte and to a lesser extent on the second last byte if it is ASCII.

   If the last byte is a UTF8 continuation byte, the second last byte can be:
     - continuation byte: the next byte is probably ASCII or lead byte (assuming
       4-byte UTF8 characters are rare) and the context id is 0 or 1.
     - lead byte (192 - 207): next byte is ASCII or lead byte, context is 0 or 1
     - lead byte (208 - 255): next byte is continuation byte, context is 2 or 3

   The possible value combinations of the previous two bytes, the range of
   context ids and the type of the next byte is summarized in the table below:

   |--------\-----------------------------------------------------------------|
   |         \                         Last byte                              |
   | Second   \---------------------------------------------------------------|
   | last byte \    ASCII            |   cont. byte        |   lead byte      |
   |            \   (0-127)          |   (128-191)         |   (192-)         |
   |=============|===================|=====================|==================|
   |  ASCII      | next: ASCII/lead  |  not valid          |  next: cont.     |
   |  (0-127)    | context: 4 - 63   |                     |  context: 2 - 3  |
   |-------------|-------------------|---------------------|------------------|
   |  cont. byte | next: ASCII/lead  |  next: ASCII/lead   |  next: cont.     |
   |  (128-191)  | context: 4 - 63   |  context: 0 - 1     |  context: 2 - 3  |
   |-------------|-------------------|---------------------|------------------|
   |  lead byte  | not valid         |  next: ASCII/lead   |  not valid       |
   |  (192-207)  |                   |  context: 0 - 1     |                  |
   |-------------|-------------------|---------------------|------------------|
   |  lead byte  | not valid         |  next: cont.        |  not valid       |
   |  (208-)     |                   |  context: 2 - 3     |                  |
   |-------------|-------------------|---------------------|------------------|

   The context id for the signed context mode is calculated as:

     context = (kContextLookup[512 + p1] << 3) | kContextLookup[512 + p2].

   For any context modeling modes, the context ids can be calculated by |-ing
   together two lookups from one table using context model dependent offsets:

     context = kContextLookup[offset1 + p1] | kContextLookup[offset2 + p2].

   where offset1 and offset2 are dependent on the context mode.
*/

/* Common context lookup table for all context modes. */
const lookup = new Uint8Array([
  /* CONTEXT_UTF8, last byte. */
  /* ASCII range. */
  0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 4, 0, 0, 4, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  8, 12, 16, 12, 12, 20, 12, 16, 24, 28, 12, 12, 32, 12, 36, 12,
  44, 44, 44, 44, 44, 44, 44, 44, 44, 44, 32, 32, 24, 40, 28, 12,
  12, 48, 52, 52, 52, 48, 52, 52, 52, 48, 52, 52, 52, 52, 52, 48,
  52, 52, 52, 52, 52, 48, 52, 52, 52, 52, 52, 24, 12, 28, 12, 12,
  12, 56, 60, 60, 60, 56, 60, 60, 60, 56, 60, 60, 60, 60, 60, 56,
  60, 60, 60, 60, 60, 56, 60, 60, 60, 60, 60, 24, 12, 28, 12, 0,
  /* UTF8 continuation byte range. */
  0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1,
  0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1,
  0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1,
  0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1,
  /* UTF8 lead byte range. */
  2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3,
  2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3,
  2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3,
  2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3,
  /* CONTEXT_UTF8 second last byte. */
  /* ASCII range. */
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1,
  1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1,
  1, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 1, 1, 1, 1, 0,
  /* UTF8 continuation byte range. */
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  /* UTF8 lead byte range. */
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
  /* CONTEXT_SIGNED, second last byte. */
  0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
  4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
  4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
  4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
  4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
  5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5,
  5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5,
  5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5,
  6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 7,
  /* CONTEXT_SIGNED, last byte, same as the above values shifted by 3 bits. */
  0, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8,
  16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16,
  16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16,
  16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16,
  24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24,
  24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24,
  24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24,
  24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24,
  32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
  32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
  32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
  32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
  40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40,
  40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40,
  40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40,
  48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 56,
  /* CONTEXT_LSB6, last byte. */
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
  16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
  32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47,
  48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63,
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
  16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
  32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47,
  48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63,
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
  16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
  32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47,
  48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63,
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
  16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
  32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47,
  48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63,
  /* CONTEXT_MSB6, last byte. */
  0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3,
  4, 4, 4, 4, 5, 5, 5, 5, 6, 6, 6, 6, 7, 7, 7, 7,
  8, 8, 8, 8, 9, 9, 9, 9, 10, 10, 10, 10, 11, 11, 11, 11,
  12, 12, 12, 12, 13, 13, 13, 13, 14, 14, 14, 14, 15, 15, 15, 15,
  16, 16, 16, 16, 17, 17, 17, 17, 18, 18, 18, 18, 19, 19, 19, 19,
  20, 20, 20, 20, 21, 21, 21, 21, 22, 22, 22, 22, 23, 23, 23, 23,
  24, 24, 24, 24, 25, 25, 25, 25, 26, 26, 26, 26, 27, 27, 27, 27,
  28, 28, 28, 28, 29, 29, 29, 29, 30, 30, 30, 30, 31, 31, 31, 31,
  32, 32, 32, 32, 33, 33, 33, 33, 34, 34, 34, 34, 35, 35, 35, 35,
  36, 36, 36, 36, 37, 37, 37, 37, 38, 38, 38, 38, 39, 39, 39, 39,
  40, 40, 40, 40, 41, 41, 41, 41, 42, 42, 42, 42, 43, 43, 43, 43,
  44, 44, 44, 44, 45, 45, 45, 45, 46, 46, 46, 46, 47, 47, 47, 47,
  48, 48, 48, 48, 49, 49, 49, 49, 50, 50, 50, 50, 51, 51, 51, 51,
  52, 52, 52, 52, 53, 53, 53, 53, 54, 54, 54, 54, 55, 55, 55, 55,
  56, 56, 56, 56, 57, 57, 57, 57, 58, 58, 58, 58, 59, 59, 59, 59,
  60, 60, 60, 60, 61, 61, 61, 61, 62, 62, 62, 62, 63, 63, 63, 63,
  /* CONTEXT_{M,L}SB6, second last byte, */
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
])

const lookupOffsets = new Uint16Array([
  /* CONTEXT_LSB6 */
  1024, 1536,
  /* CONTEXT_MSB6 */
  1280, 1536,
  /* CONTEXT_UTF8 */
  0, 256,
  /* CONTEXT_SIGNED */
  768, 512,
])

;// CONCATENATED MODULE: ./node_modules/hyparquet-compressors/src/brotli.contextmap.js




/**
 * @import {BrotliBitReader} from './brotli.bitreader.js'
 * @param {number} context_map_size
 * @param {BrotliBitReader} br
 * @returns {[number, Uint8Array]} // num_htrees, context_map
 */
function decodeContextMap(context_map_size, br) {
  let max_run_length_prefix = 0

  br.readMoreInput()
  const num_htrees = decodeVarLenUint8(br) + 1

  const context_map = new Uint8Array(context_map_size)
  if (num_htrees <= 1) {
    return [num_htrees, context_map]
  }

  const use_rle_for_zeros = br.readBits(1)
  if (use_rle_for_zeros) {
    max_run_length_prefix = br.readBits(4) + 1
  }

  const table = []
  for (let i = 0; i < HUFFMAN_MAX_TABLE_SIZE; i++) {
    table[i] = new HuffmanCode(0, 0)
  }

  readHuffmanCode(num_htrees + max_run_length_prefix, table, 0, br)

  for (let i = 0; i < context_map_size;) {
    br.readMoreInput()
    const code = readSymbol(table, 0, br)
    if (code === 0) {
      context_map[i] = 0
      i++
    } else if (code <= max_run_length_prefix) {
      let reps = 1 + (1 << code) + br.readBits(code)
      while (--reps) {
        if (i >= context_map_size) {
          throw new Error('[DecodeContextMap] i >= context_map_size')
        }
        context_map[i] = 0
        i++
      }
    } else {
      context_map[i] = code - max_run_length_prefix
      i++
    }
  }
  if (br.readBits(1)) {
    inverseMoveToFrontTransform(context_map, context_map_size)
  }

  return [num_htrees, context_map]
}

/**
 * @param {Uint8Array} v
 * @param {number} index
 */
function moveToFront(v, index) {
  const value = v[index]
  for (let i = index; i; i--) v[i] = v[i - 1]
  v[0] = value
}

/**
 * @param {Uint8Array} v
 * @param {number} v_len
 */
function inverseMoveToFrontTransform(v, v_len) {
  const mtf = new Uint8Array(256)
  for (let i = 0; i < 256; i++) {
    mtf[i] = i
  }
  for (let i = 0; i < v_len; i++) {
    const index = v[i]
    v[i] = mtf[index]
    if (index) moveToFront(mtf, index)
  }
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-compressors/src/brotli.streams.js
class BrotliInput {
  /**
   * @param {Uint8Array} buffer
   */
  constructor(buffer) {
    this.buffer = buffer
    this.pos = 0
  }

  /**
   * @param {Uint8Array} buf
   * @param {number} i
   * @param {number} count
   * @returns {number}
   */
  read(buf, i, count) {
    if (this.pos + count > this.buffer.length) {
      count = this.buffer.length - this.pos
    }

    for (let p = 0; p < count; p++)
      buf[i + p] = this.buffer[this.pos + p]

    this.pos += count
    return count
  }
}

class BrotliOutput {
  /**
   * @param {Uint8Array} buf
   */
  constructor(buf) {
    this.buffer = buf
    this.pos = 0
  }

  /**
   * @param {Uint8Array} buf
   * @param {number} count
   * @returns {number}
   */
  write(buf, count) {
    if (this.pos + count > this.buffer.length) throw new Error('brotli output buffer is not large enough')

    this.buffer.set(buf.subarray(0, count), this.pos)
    this.pos += count
    return count
  }
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-compressors/src/gzip.js
// Adapted from https://github.com/101arrowz/fflate Copyright (c) 2023 Arjun Barrett
// https://tools.ietf.org/html/rfc1951



const codeLengthIndexMap = new Uint8Array([16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15])

/**
 * read d, starting at bit p and mask with m
 * @param {Uint8Array} input
 * @param {number} pos
 * @param {number} mask
 * @returns {number}
 */
function bits(input, pos, mask) {
  const o = pos / 8 | 0
  return (input[o] | input[o + 1] << 8) >> (pos & 7) & mask
}

/**
 * read d, starting at bit p continuing for at least 16 bits
 * @param {Uint8Array} d
 * @param {number} p
 * @returns {number}
 */
function bits16(d, p) {
  const o = p / 8 | 0
  return (d[o] | d[o + 1] << 8 | d[o + 2] << 16) >> (p & 7)
}

/**
 * get end of byte
 * @param {number} p
 * @returns {number}
 */
function shft(p) {
  return (p + 7) / 8 | 0
}

/**
 * return start of gzip payload index
 * @param {Uint8Array} input
 * @param {number} i inputIndex
 * @returns {number}
 */
function gzipStart(input, i) {
  // if missing gzip header, assume raw deflate stream
  if (input[i++] !== 31 || input[i++] !== 139 || input[i++] !== 8) return 0
  const flag = input[i++]
  i += 6 // skip header
  if (flag & 4) i += (input[i + 10] | input[i + 11] << 8) + 2 // skip extra
  // skip name and comment
  for (let zs = (flag >> 3 & 1) + (flag >> 4 & 1); zs > 0; zs -= Number(!input[i++]));
  return i + (flag & 2)
}

/**
 * GZip decompression
 * @param {Uint8Array} input
 * @param {Uint8Array} [output]
 * @param {number} [inputIndex]
 * @param {number} [outputIndex]
 * @returns {Uint8Array}
 */
function gzip_gunzip(input, output, inputIndex = 0, outputIndex = 0) {
  let out = output ?? new Uint8Array(1024) // initial size
  if (!(input.length - inputIndex)) return out
  const payloadStart = gzipStart(input, inputIndex)
  if (payloadStart === input.length - 8) return out
  if (payloadStart > input.length - 8) throw new Error('unexpected EOF')
  let pos = payloadStart * 8 // position in bits
  let final = 0 // last chunk?
  let lengthBits = 0
  let distBits = 0
  let lengthMap
  let distMap
  const totalBits = input.length * 8

  /** @param {number} length */
  function ensureSize(length) {
    if (!output && length > out.length) {
      const old = out
      out = new Uint8Array(Math.max(old.length * 2, length))
      out.set(old)
    }
  }

  do {
    if (!lengthMap) {
      // final chunk is next?
      final = bits(input, pos, 1)
      const type = bits(input, pos + 1, 3)
      pos += 3
      if (!type) {
        // no compression
        // go to end of byte boundary
        const s = shft(pos) + 4
        const l = input[s - 4] | input[s - 3] << 8
        const t = s + l
        if (t > input.length) throw new Error('unexpected EOF')
        // copy uncompressed data
        ensureSize(outputIndex + l)
        out.set(input.subarray(s, t), outputIndex)
        outputIndex += l
        pos = t * 8
        continue
      } else if (type === 1) {
        // fixed huffman
        lengthMap = fixedLengthMap
        distMap = fixedDistanceMap
        lengthBits = 9
        distBits = 5
      } else if (type === 2) {
        // dynamic huffman
        const hLiteral = bits(input, pos, 31) + 257
        const hcLengths = bits(input, pos + 10, 15) + 4
        const tl = hLiteral + bits(input, pos + 5, 31) + 1
        pos += 14
        // length+distance tree
        const lengthDistanceTree = new Uint8Array(tl)
        const codeLengthTree = new Uint8Array(19)
        for (let i = 0; i < hcLengths; ++i) {
          // use index map to get real code
          codeLengthTree[codeLengthIndexMap[i]] = bits(input, pos + i * 3, 7)
        }
        pos += hcLengths * 3
        const codeLengthBits = Math.max(...codeLengthTree)
        const clbMask = (1 << codeLengthBits) - 1
        const codeLengthMap = huffMap(codeLengthTree, codeLengthBits, 1)
        for (let i = 0; i < tl;) {
          const r = codeLengthMap[bits(input, pos, clbMask)]
          // bits read
          pos += r & 15
          const symbol = r >> 4
          // code length to copy
          if (symbol < 16) {
            lengthDistanceTree[i++] = symbol
          } else {
            let copy = 0
            let n = 0 // count
            if (symbol === 16) {
              n = 3 + bits(input, pos, 3)
              pos += 2
              copy = lengthDistanceTree[i - 1]
            } else if (symbol === 17) {
              n = 3 + bits(input, pos, 7)
              pos += 3
            } else if (symbol === 18) {
              n = 11 + bits(input, pos, 127)
              pos += 7
            }
            while (n--) lengthDistanceTree[i++] = copy
          }
        }
        const lengthTree = lengthDistanceTree.subarray(0, hLiteral)
        const distanceTree = lengthDistanceTree.subarray(hLiteral)
        // max length/dist bits
        lengthBits = Math.max(...lengthTree)
        distBits = Math.max(...distanceTree)
        lengthMap = huffMap(lengthTree, lengthBits, 1)
        distMap = huffMap(distanceTree, distBits, 1)
      } else throw new Error('invalid block type')
      if (pos > totalBits) throw new Error('unexpected EOF')
    }

    ensureSize(outputIndex + 131072) // max chunk size?
    const lms = (1 << lengthBits) - 1
    const dms = (1 << distBits) - 1
    for (;;) {
      // bits read, code
      const code = lengthMap[bits16(input, pos) & lms]
      const sym = code >> 4
      pos += code & 15
      if (pos > totalBits) throw new Error('unexpected EOF')
      if (!code) throw new Error('invalid length/literal')
      if (sym < 256) out[outputIndex++] = sym
      else if (sym === 256) {
        lengthMap = undefined
        break
      } else {
        let add = sym - 254
        // no extra bits needed if less
        if (sym > 264) {
          const index = sym - 257
          const b = fixedLengthExtraBits[index]
          add = bits(input, pos, (1 << b) - 1) + fixedLength[index]
          pos += b
        }
        // dist
        if (!distMap) throw new Error('invalid distance map')
        const d = distMap[bits16(input, pos) & dms]
        const dsym = d >> 4
        if (!d) throw new Error('invalid distance')
        pos += d & 15
        let dt = fixedDistance[dsym]
        if (dsym > 3) {
          const b = fixedDistanceExtraBits[dsym]
          dt += bits16(input, pos) & (1 << b) - 1
          pos += b
        }
        if (pos > totalBits) throw new Error('unexpected EOF')
        const end = outputIndex + add
        if (outputIndex < dt) throw new Error('unexpected dictionary case')
        ensureSize(end)
        for (; outputIndex < end; outputIndex++) out[outputIndex] = out[outputIndex - dt]
      }
    }
    if (lengthMap) final = 1
  } while (!final)

  if (outputIndex < out.length) {
    // multiple gzip blocks
    const nextBlock = Math.ceil(pos / 8) + 8 // 8 byte gzip footer
    gzip_gunzip(input, out, nextBlock, outputIndex)
  }

  if (!output) return out.subarray(0, outputIndex)
  return out
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-compressors/src/brotli.dictionary.js
/* Copyright 2013 Google Inc. All Rights Reserved.

   Collection of static dictionary words.
*/



const dictionaryGz64 = `
H4sIAAAAAAAAAzy96XIcx7Uu+tuI4DuU2meLxDbRAElNJgYHR0neGrgFyr7bPg5FdlV2dwHVVa3KKoBN
SRHggIHgAFKcBc4zJQIgOGIggYjDF6D+kf8U56K6GxH3Ie73rYRsGRLQnZWVwxq+tXKtlYlf0V40GAZ+
UQe6mBSU2+9GnvZUokw5GozCoGb8RLt+UouqOuxLTRL4/boYaz0Yxf2J3pfUtIqjAR0XIq8W4JdiFFcK
UdRfDVQt8Ad04Ie6rINqOapo43u6EsV81guisJSUdWXA14NFP/SqqoT31kwxDYKyVl6i44pWblnFWhXj
qJLEqa6ouF8VAp1Wo7Dsl8oYpw5U6IV60OgBHYYYj6uMLkRJuRqZJDXaqyhPl9GmrPHeskpCVdGf+WF/
IYhKxt+vC2iP8aFdP/r3QzwTr291/lSOAk+Hnhn0k/IX6B/D8AbRh/FLYYK2ZTWgS+jLaB26KgiqKikP
avw3SE1Fh2nRDypVFSd9kR8mZd8EvklKUYSxam8Q8xzUBt8VTAVzV4GJMJwo9t0y3m8CZZJEK0y3Uivi
mX4/LA36QaDx+aCKvQKeLfqx3oM16w+jQYUO89WwVMH6J5hsECmvhLU3OiiGUaIrqVsuaq5FWIsjt993
ozAKXR1gn8rYE8/X3ifYnzgNdBnrpvrUPj8sRm6QFgI1aAJtTFkFRcM9RF/7o1Bv6uj4D/zHuNigvaCj
WLm6EKTY/zQe1Lq/iL/LIJoS1gmbiP3G2Ms6xJr09+tqUlUGnfrVOIoqn+z9/DPQS7i3VgU9olM80691
tRioEuinH6vjFTGfBOONsecJaLYvrVQTrJaH/jAGfA8KBi1i9LV+rBXWISliX1SaRKCNOO+ChlTQD7qu
DmBNPPRfAa1jR5MkjcNChB/QCTghiCOj0zjYYLDwcRRoPApSTAyWG3ursY+Bl++rlsAalQEV1/BMAloO
DQjGi6Pq30DTblStbcp35LraVY9JsBABdsPHy7A+VfBZvuQXsQaJa8xfSrGq4Q3hu6WkM8Z+YIxJgHka
5aM75eEdDvYv6IvKIWikvxrFmJtJ1n+9rc0DXXa1F3qqURQXOG+s4df53vwg6KYCft1c3df5KfYyVmH/
IPoeVCFoKCAxef/s+FdnVaXBINbbpLH+XxvW/3FQ+UkFewPaM6VImxJ4AltTqmIs77S1OQHoJw39BPvG
fvpBh5VByI99lSBnyNOY4uaO6j4sHcY+iPlGQTEK0acfGFXEt+hZVY0LORCj72IQDRZUoWaqKjTgi/cw
3g/wA9YxoP0EfBcM+v0+ZEJiEhBO7GP6pfYAPDioVX+CvdgNmQO+x5qEBnvYj+2uxWlo+tKgBknWvwn9
lSIVlCACDN6nvZL2ve6c0Yl5H9/l+8xf3sOY/aKzwUQR9hFyAnSYpAW9X5MaQoxDe6DpBNwcYetAXnFl
00fVfS5kQBnrXsA49oOWByIssjK1GDwLmgyqGKOP9XJB/1vwrj7sfaJKpuAnBrQVgPmSfgiwELTbhQUu
YdH+2vvlF16a1L6gfFGBrkUp1j3BEvlhn9q/36VsqmlT9E15cHAwH/sGfRZMNdYDmzAP/K03Y2LbwY8e
xrGlo2NjAXsOKsDY4hCyxCtE+/JF5ccBxoP1Yt9xX4o5a7fsFze8UwWd6QE/+F8bcqCJuBLgWQ/0UIV8
3tjR0cFZerEaLKdgimqUFNPQK4CPyrEuQrIE/bpmEvRRBr2D9yHXdbAJxGhSP8GjwVe9vTmKfOxJ7eNd
e3NYM6180ByH5HsGS9sZqoFaCQyR+FXzxz//+c8YB2SjVwO/m9ZO54dqufoXyO4AfB0MQsHsL2/N/rN9
XYsD4QR5FeRbWrZ9iH6qqSlDkyRYmk4XNPCf7V3tZWi4D7FGkDFJDBnmvPuuA20SYD+hXUBVGETFh4zq
96sJ9h86Cvoh0CXQTBWb8R7WdF3LuhaX9A2ZkMdgugpxjwaDVrDXpdSHnA6wUQavBpMoSqSo0u5XSu/+
8aPNQQpdi36xlJ0gqloJ9FZOKpQSgRenpd1f7doVQj6FWMO/gFgDUiHWfoA6ALyF9XNA/3Gsg1oBOsiA
Vry0X4fKKFdV9SBoo5QGxb2bt2wtg9ZA90kJMgXCH7ovjSGvapsw//XrWztbO3M9FQOh5YN//NgzkC8F
Dc6BHN+76aOt2HpDBsD8gw+wiEXQw/8dumgKUc1AhuTRRW7Pl717CxhPP/autfOHH6C8alg3b8PX/9X6
bao87E29DQq3Df+D0K/imXXAHcneTX/eOuC7kH5ezdOFpAcTgywLQs1xRoN7N32w1YNs0wMq2Lvpw60B
1h90C3JUQRX8E0YDCvxgSjrUzv8dOmOiImRTRSe+yHHTVd4C2ZjGReCAKnRJVxL3QOf6rd+/swH/1RhX
swB6gnyJOzpaOyt+0O+0tfX4cRQC53geeGsQ+2QiP6imiWnvM+3ABrW9mzdv/bR3+xd7N3dsVZ6qYK3w
rs09fRCC6zc666Fik72bN211MB/oWYh6X1UgW7raqz0mSoPPPv1iF/gReCXGGry3tau8qecjrC1EQNef
Qad7O97bWgHW2vreB/8ADWg/dMv/A8wF8uKYV9a3toKuY+xJSUOngrRC4J7Q27rlw398ExW/Wf+v1k7Q
1ka0bSSQiTXihmgwKIAXtr7/wT/+qgbUFryv5fsfWv5jx5b/2LrlvX/06WJx1/+z51PI0vKAD3UH0jbA
F+hj9duUOhT8APqBrkqwdvkC6NADvZaBRSAvgJHCZOuWD/7xyd69e9o2d2wqRtDU6GPXFzudfRA4W99/
7x/bv9z5Px766Gz5oUXv89H+/X9AvxnQTrL+h9ZOYJEErN6pgOZ++KGr/Z/+v/KfQf/0V/7Po0G8JwHN
Kc8zkBYB2HFfZ8sffoDIikLsZR6KoaPj/VasRa0Pot6AqMCxkLNREWvR6mzu6ACNg4exGIB/wKngibjm
Yl+TGihLA1P4UZiHMnOh50p4L3Ri/n2s055yfifkAaCe4KsQfN0PWoGmUSH04T7QiQu6b/Ggc93Ar7ZC
+HyI57AOHTv/ttN8+K+ergR8SQTs/+lPrYPYN4CMqArlEVUTqPxA79723wZ0ErZt/mBvQHkOWv/6q8+c
QhoAl0f9nT+sa/lk17ad4LlWVShAXqtww6Y/fwR8VqZQ6Gr3QVuQJSlxNHCCX9Xft7W809GxuTUE0P/n
pn91/vNfnS2fRSUHeiVZ1/KHP0BflqBTKwXIp9bv1rV0kCawD/3R1v8Pcg1r3bPObG1vd/AgpCLxbWlD
63ctaOpAb67H9KpeqqD/VJL/656PW7Gx36ZRgv+2gMchIX9YB1J4Dz/v4+cD/HyIn4/w8+fNHfLPJvxs
xs8W/KDdZrTbjHab0W4z2m1Guy1otwXttqDdFrTbgnZb0G4L2m1hf/hsE77bhDab0LYDz3Tg2Q5814E2
HWjbgWfQARYDP2iHf4HQ8PMRfj7Ezwf4eR8/7+FnC34242cTftDuI7T7CO0+QruP0O4jtPsI7T5Cu4/Q
7iO0+wjtPkS7D9HuQ7T7EO0+RLsP0e5DtPsQ7T5Euw/R7gO0+wDtPkC7D9DuA7T7AO0+QLsP0O4DtPsA
7d5Hu/fR7n20ex/t3ke799HufbR7H+3eR7v3MeMOzvq9TVv+DLWEyeN/wKxR5dV1WBOJJuiqAsckkReV
gctdCCz1ajYq+BDQr6aUMq+mBnwPesMQcUWQSxEtEvyuXOyt5/dFsN0i4NQQupgWBaQpODYoRd+mr+4T
1YboEzoCUACcAx1UUH18H8k5UqVUVVNAzDACSwJ7Q4YFqU9VByOnFsGeUBCOcdXH+wt4Z8AGQeT5Efgi
5rj8189fP3z9Ej9Lr1/8OvT64a9Dvx769aB89vT1Mj5dwl9zaPUSvz+Rv5ZeP8N3S/hk7tfh15fR9in+
mf31KHo4+vrHX4/+egDfPsLvj/Dfy+zj9ezrq/j3InrCU6+vvb6Fz5++voS2B9Huinz6Av0/fH0eP2fw
c/nXQ/h8Fu97+voC3v/09fzrl/jsBf65gecOvX729sDb8Tc33468HX5zFz/zbw+9PYy/x97MvpnBN3fx
/ZG3o2/H3h5+O4yfQ/iEv4++uffmMX4//OY2nh2VPsbfHsQzo/jsF/R0j79J23H8fhht+d9Db55Ir8No
P/x25M3P+GwcbUbeTMkTw/jmCd7+BNjdJNh4HQWwphOY5bCDsTtAdbT6CTkKxIcxvzXU/rTsAX9AQ7At
fLfow3ImqIyrNHOhooHyYG0BkcFMh0iIPeA/owFq0yo9BobuAgNypBEHc38Qv9Bki60ABjCk5Q47uwqJ
DuyD9+o4hmEcQveqQpQm9AsAWCYBrcFAzP4ENgmkGYxQoMO4JO4FI7Y5qYew2YVZ6qbGhdET0+gLCjRj
CNFggwiVKXolYLcr2jsVvLvmU7PSW2AAv0PaoewerwfagJ4BHAI+gJJ/F4CxE/OAiR3Frq5SQdOQhkYr
+aEq4gnoUj8Blkw1vRn4ArgGqlPvSyJAVyJk9IxP8WyYAMQbU0j9IBHTF0pAA32lXg3M6NG8Dj1DUxP/
xdKVYQrT5WLAmlBrUMdoDOhDV4BHP0WIVRvQQLmmXPT3wbzGgMII6C+m5wXYFDgLOlIFMQzsmBat+TaF
fsaSVHU5ragQWpquC1/8C9DO0PZeARzpwrRxKVqw4sDo5QB2USjGzyBEjaZDx9CbYjx2DRER6wKmD2s+
Tcowk/AsXmew2El5kO4ZTtoD6bnEYgmXM60ksCcoVOKEzpTaDkiGflpwMX1L2FBYqoGqaSKPuMZ31FIx
07lMLhY2webFDkAt6aqaVmkeG1WtBrVPub8F4KpSWoVwpJ+E1IResKaG5rjBBsUQUNhaCsJ+ulpophFw
AxqYFI9VlTyL7klbIb0uIYmGviPt7SWxcuDmY3IARFsIfEBvToSFLSrQL/1KNZWCCLlbBtMPNH0V7Zyg
R2+W8QB3a7DKAhpLKulLYb4mZfooYFeakIMu0E3gRvQn0BnHCWp6RIxbc/lvgGM6WAwla/8gtxl4TodV
X7uE9X5QxEQ1zUpyHvS8X4HJqkgdPoxAwh40BynTZadJPWC/1C0XuM5xVAMqMv0amwcUg/mRLMBgDlcC
YD0py44SXdWiYhEk4UZVzcWEiQUWB3rgTluvHMRCTH8I9EecxERTCrY4phqF2FARMjAxCHd7KTI+I9WB
Vqu1yHVhaupishW43ZRBxQnXACYlGYd+N5PGgDtFvpIEjI3mWqVJ1IndSXSe9leFTAJjTwX/Q8oxeBmm
CnSLJR7Ep3gvzd4QUtCnc8Itf8X+6IqEhIzdMsGPpqfP0M1ovCgtwJKqhW4CbqIVHg1iL3WxRjaA9QKz
mHYpKGEAGwrepbfS7CBf9lJyEXjX+sTTCDsqAM5zdQct8F6KzSr4M6DfBSCXEkEkNQx4CnPrBDX09Bi6
5IyicwKbZzSRK+V4KIPGBlSxhPgzoYvV0MfGb2tkMNjk2HxDXy8Fd0zuDkswoLf0cMtKBN3tlRTyl5vs
7SFzol3oJRGkD2CE722gA7RAjwg9fuylCCPNJ3kHgXh8a8U1/xqMJrR12tthgimPBlqpVk12UcrTWu3c
RWKlLzjn0rqDdAwTceXCvMj1kImB+NUAnRiwhP392pQAPBIM972eOKJjGN/W2MFG0R2ENJ4bU3f4JRjR
g5DQngIBY0GM7qFHRofffN377h+3/LmTWHffNyRqKAIMLewD5fepfXlFq8GAZcp0vTn0HRO8Q56G0Kah
Gsj10AkQiteL3kSQBVYD8j6Ke6l7iDKxgxAK9BObPlUV8RDA7PZBc+CUWFHlYB6bexRsOGAvMCO4KFa5
tvb2v9MFauiHMnQcmz1kYswyKVPnhXRO/MVgAAmYlyQI8EUJl9D9WsTOaKiywVwP1h+MHaeUsVD0f6M+
303JkA91wi1pgflcc75roUeSHnNDtxZJBavtgQa+5WInsfgMC1FMxz9kB4YLYUu/SEKq1H68mSaV+LPp
0zM7yNjgbkg4SnSeExg6lOgIxVrT510hu1CrUZ76RtzbXkrRrPcpU4zB7XSPbPz+ezFUqjmMFZtHt0Qu
onuhqxC39xQxr9jQJ+fpalJ27AkA2NSllOdpgzgvOyFjSiHdVGaQo+JoOyFcunN0X0NlYUafY+ZOPp/v
agd0DUsFTpqHIA49h508VgB5x3EN0gLErovUFSX9Dc9B8hXSBmCIwrfYripPUOSgoKs9iXvo/jEcvKNA
IRRANHUDiLB94BI6Dco8pTFUuC59zY6BEDeAaqG4ho2zAZRKJ7r3DTEEXZ9GsDtJqF9OYoQZyecenQCd
g1QnmJvRG1o7c852wiM8mu7rozu+CpkY0MnT09rpFze0Uch6CsAR8Mro3YRWmD3PXfZps5eqEkqCk9GV
noKKcz15E7vdCSUDBFh3ziU6LIPWapvfE9GXpFUfdFkjDquC6TEJkIb4qg1lRx4CXfP4QAf0D5p215h2
nkB08ogCAiUtFgs+OqVn39D919EPTlOwY9e10KsPTKNT3e1890PnR+IF5JHKd7R/FQ+bXM7XB1mVebzl
xORnglRDz3KupspR1Epn+TYiUJ5WGTDiph7YQGmJDmax0rtps5gfWrGCdHR2VilV6FI0PF8wHfs+6Ojg
qUFO/LgFqo5EYcEqPkQZ0VsAButqp3MZM4JwauPmkaTymEfLHypkEgf2/p93b/vvrvY4Kum4SLf+DvLM
ZjpMechj6EnqAmMmCX3xZjPHAggW9rc633/vBPQM8jQn+GMHRJoDcnJ4bucNcsUp4Dr71Nb/96DxQdVd
9NzHgA41HnvAfiP8xYJVE+qZ7ZSdrc473Y5HzEqvB10tFaijfl2rwLwMeKKWpxvbqRI7g6fDGj2Jhggn
t4nLMUhATg9WpXfvtq/2krYcHzg23OjAlqc7oYUANz/gAwyIKxXyJQRfQsvwAIzQOgqr5F/yTEvUBtzC
Uwk5ajHUlA6dbyG9Lt8pLyro9dxM3+ve1EGF0MnjOie/OV/xeYiWo9sbUAPbs4OYqwBxqDdzpNjk1j/x
l+/pxAb/QROXyeKbNnfkHKpYiL6edS1UEN2eDxBAjscXWHDKzpY/FotFMBEgCxFejvAByhqPtdL7vEl4
ATirGlqHM+whbsUhHlW4XMQcJy2nQ6YNvNbm0dBqeTdIOul5NVvf++gfXTy7bYtTMBpPnhwqSKD1fjEV
qqbbyeU6oQygj7hqm3giAfGvQrrRI0rD7qj7PzbvdiiNYJoXdJdfKTn4yfVsdIp9hr85Oa7f53uj6nae
2OVCPRjUdmJP+t39WrCyHxArk0ne7ymqb3M9+8ttbripA7vZtinX2kkU3s3TQui3NKhRlhg6kzqxel3v
0GMRODz0gLJbJ7vv9NGWIMc73K08OHddyyBxCc8+TEpx4/GoowCm6U/IW+CjnMMzWuBnDI1OEPD3t6DR
NKr4JoItAhnqaTnboWfEVFMaoK9mIzpNXl1PfEhcoIBE0SciMJ6nk6DMFHKGfpSYQ1PorAKRCrhagcqK
1Lfpqyl6VYx59TiIVC31VFHz+IHeEACjhHZmhFElkaGHxQgF84w2UvR2BGmJR2S1iEeT1gGCFSECAF0Y
+lQ5PoUBvZoyHIsCQEs9cdrQeo+AfHVIvAi7ySPDEuzp+NV1wCLO2PXjvsiI20bFRFaAFmk1KtONKmSA
t0FnAJpHUO/KhDzGJzTTnKoCB2oerfniB4IocX1VBLTk8ZEPuIeFrUJSRIUU0yS6jhVILOCfiigSKCfe
j34LNOIwBJABXvTqcSXiJKM+/glc82qhzCZcgxrgv6sqaR8wMtBQXEypSPCiqAT7QPkl4OIBrgsdWAB8
WHzuJZa3gveAtqCvsXd0WYVhBAEGAOVizOAeumANFsenU6oMTRabCKAXK4VVBTO+ehxCcu2P6FgQ35QZ
4JhVNaphpCFBFhiOn0Uu2DmW4yPYSBgLhYjLx+jWMvSShCSa8NV12ny+2ECwnUBGrgxX0ZYMSBuYO+wA
DAOrAXStCZN1FZoYapHd4GnGQtAtBnRLLxpoqBTQ88ZXYyEqCiKZ1rFdwNAHVX9r32EUjSA3KtOpN+Cr
PghfIOhX96lzSPIxbGLQTZ8CeYOeYX6pgBpZB5pmMNCckj0EWI1MkPK4HpuMrgKuG56ghR3TTyiExDAG
lwedA3g5RgUi8aIBYCZDt59RlULEQ1uP7XxFbCu8oEwKqx0AuQ+rC9lPIw7T812FxXg11RfxVdgypYWn
KArABn5sUh1wBJEpiseGHkZut0yQ6wjLnf4o7qqCRRYRlinSbkLdEGif4ReFKKALE6sGIgT44oBeHZB9
cxkHgydga4AY2CMHdJ07jQ54LkXXJyXIfVInmZ18gplQKSkCZvzmir2VgOHRFSULaK2GdcMmBRWgy4gA
UpypNCuAUHxMi9OH7AJlYxIQ+JQlwPNVccaKwaZEqBmfx7jcMtobAOYQPPhY033TR+SoFV2y5l3aqp1e
RC2NjqHwCXpS61QDDRk652qGwxd1UeChTBxrgeEuT6/TKg1fkB4MW8qetAK1hadCmLqUPIQ1oEBYBtW0
AH2JpxgvAzxlSOcVsGCsGCRE55gBn8YuJhTLIWssHidYFVqghGYojlsW9wT2h07HWJcwKj9hnAvYFpYS
xwnejYK0EtLSiiEWaXGLw7BH+/RcAEiXknIR8g1mZ0wXOBYOuA5UDFlLLsYEtHjH0koFK0DLPObqaq9q
nU37YJ55Vcg6tyYqIKGVTxYFhLfSBHoXkgTWHLBEyRPjUhxdRpyEQFI+dnpQzPWqBjFqMl6pBgmZEuvS
kVAEc8eMM0IPrlBSVCwCBoMNMUA6EKFi00KFbgj6AsXJatIqo3+A0QKYS3QTeeLgBTwr86Q6lf7LoNRB
EA1mKj5b82WhT7uJuAWN9faCrCFb3HIscVsVjBAET59dWWgspLLFODFHiHuQGucKfvs2VXTkJZQ5dLAZ
OiC5g5yFxLTwoArjh1lJKxtrFfFwGRYU+sHSf0aZg+kkdEphbSm2K0TwGrJZM2pIe0lUKgVa3NCga54e
k25914UiBRURV1Vq1GSDKklgjcjhdVIUJ3dZsCWjm3I9jGnTHui9mAbCyTWxVcVjwn0HLYC2XAyH0qlk
/ZBG73MZhkIPQIn7ivGUZTGKUPOJuMSth9tgvzA2KAfoJ8Z5RPEAKVN/JStGNgeBkSkJLqiHXczEMHoA
gFs2I+cQ/NEpo5OSeHjIUyQg0CTQWZEgoQYRGlRE0NBb7MJMJrf6ocTbKVLLDnHeRbLL4s+FVPG8QO/i
CSTF4SAdmCXl1irC49jstFRmbJcWsK3pgy/5IcetoJl8vgsKwSUWhwCRswJP/GSE9ox9URx/JOepQj81
MREZDgE159LehBwAv5c9TUkdCy2BY4kBUoiLpMJYwZovnknhNS2ue/OFyBYvpXyw3kQ5OzCM+tIeIYV1
LMEU8gNwLlavRG87z3cLwjt05TEaC6xjPhbZRZ8sLSN6Vl1Zq4J4WYFiY1UFHWD3rC8MwoN0DkiX1DAL
0l4VlmPSZgdRpbytMOSnRI8jFHwKcQxZz/gWgB/03evGfjXBGOicJ5HSqoHI83xyKh1hJHvOsU28CFhH
rAOoEAJBCQ3wJEV7dK5ob4esIRaYDrQynRUqYHwh4wlzDuwbyA2uCWz37+i1wQCL/r5Ijgs+ETrPMzxm
gwvhQQogvgBcw+QDBdRV/kokYSIz4jkG+TyBDPKE/rcLp8P6SJOauIYp30pR0isSTFHSA6kJRUMqcbRW
I4hFnHAHY81vPhcJL1oItE33fK/oAhHzhiPQ3rthwVQ76dQ3Wgxxh6o69LrotnV4Pu7LeU13DswKbCHR
fcBKAxI9QWtoq7O3rB2PHrWSnEuZ7bs+/vQL53OwBPUyHfWu2ANlkcxKTIpP5S0UPInZVcFm616RpeB3
cIOHv93EHguAd8DpvcIX+ZaWL0Nx6miPJkuuZw9wuF8VZ5YpS2QCdg09fClSIpa1FyI2ofgTe0XaeJpO
G7pvg5qzQedL+YIuM+4iIp1gIiAcngNoiQLED0+dxLWbGMJCmZVv7PGTt4UG/veEdJ6it9Wt8QQISk5i
X2HQ72eUHqW90E9PQdcg/drE/0/pVE1EG3rEM6HeHUV0CChGf4pDpOUbiuyceGBFDhuTc9phw+XFGosk
MlUoIf5yH6PROD5sMKSZPyCcGxYlymqndcfSHs2papXaDMyT65HDRcMY137DCGAxwVx6bKFtMGeMVm+D
UgdK5LIRBGM/94iG7SrEGMsglUssp3Til9He99/TLcT553p8q8XAY6pGzs/1MNYI8kSHsD8h11LKEIC4
UNz8ZhM9g9+L+uEa4iM5TcnRc4O3k4g6ORMlukwFm+SMgZ+AyGMelBSxHMlWcTw4cuKV3yZaQA6WjLHH
fZQb3ifWuU9/YPz13t1tH+Xk6NHZLlog7/wd6IYHhX4k/mLgt5CxQTHQZtL336lEqpA+xdcCBAUBnwAF
gQ9g2ZS442RNekmc73wTKyy0qgl6cfFKeg1zPWWRGFwMHuaRv+UIych5aqcsgyfO1y5YCsLd3MO2Nka2
QkL5SQ2TYbQInlepeMOcTXKaERUS+qeJ04wSV9dG59PQpaNEezXhIAc6BPpFDo7zlOjakxOh2jck1vxu
QXR0XGvvc9GYgdGOX9wjmA173a9rrZ0SSyumdUmwmRwvm52CgX9gkO53YB80344+u9qLQuFyspkvCh6W
MwrTJZ5eHtw4HVV8VlEgOgxLTOAYZgBsN8EnnpzHGUbN+OH74oyiUwicRTsgzBMQbVADKhEbAKv3jUxJ
KMEIbyo5Kd5YFO0m6Eti0WkBY5gbhDviXsGBpF327NVyPS3/SWG3t8xthubBTPsIaWqMZe9q51FvsQYc
iy582DNxTY5wu3eIFBVHnKPkhOUbgXE8hlUe5dIAdLGLtZXzlpZesQ6cnXQGuwQmsZz8G/Foe9vovnYY
wRvUvH+fL+d6mAPAcVLgyWm6odmcGolHoJPyn//qlDiEfCmF8RMDHzDSlSPcytNZ7X1JcOHwWCPnQMql
PJHBJsNE4GGYnDVjlQBTisAu0Gg7rCUGgxlSVI6Ee0X7tLT8HVI5USCbWKIDtuJBRlfHRCeJrF6u1fmT
k5Md7ymk5Ag5xzWfi46mxiGSrAoEpEzmMVWuZ0DCDsQGjuUsExoKYIWWYELXWiLYHpsHzRSqgZ5+hj8b
yo1cjxxNm245H5YDYacsvXVYhm9p+TR0HAmT2AM7td9vk0XEOyAHt4vGl7NBp01oabPIHOZI5Ho6xOX6
pUi5NhFPFdIVCIN0y3hGp0PY0ZHgCCPWQasW64/o248ZG5dzHGskSM9twvzQX7v2VbfKkSpzJvyQRjsQ
IwM5jJxrrJOjb6flD+TBHgaH/QGfez0t8m1LQZUZNxRzk0qMtAVPlmDRVmWOJq7i3xIxM7YyN1U/N9qY
Hlp5eboxf2D1lzMry9frB2bweTb5sj52amXxwcrc0Mrcz9nwg2xirjF9vXFypDm9kF2ezCZmVhZv1y8d
z8av188/Wz3/BM1WFhZWFu5mpw80R3/Ons+uvDiwMvdT/ertxqWj2fPbKy8vNQ+caTxerD+6Xr90pPHy
VOOXi/UjQ/i9OXMY3fK9y4c4pF+uNc7cq489X71zbvX6Uz44NFwfR8uZ1fPTqzcuNCbnsuHHK3NHmy9f
1k9eajy5sfJyGY80X2JUz7JL9xoLyytzi2jZfHq4fu5i8+7I6o1T2eSV7Nbx+uN72cgxvn3xUv3Ms+b5
iWxkOJuer5+41zx+Mps7mF1aqD8bwzo07i9gXtnEqWzu0Mri0Mr8WHb7ZTZxtHHmav3JYja51Dgyym9n
z2Z3DtavXKofOVrHs+cerp5frF8awi/1c/PZi4ns2PmVhQf1iZMrS5Mc9sKJ+uST7NZPzeWLWDQsSGPx
auPq7dUDp+tzc/WxiWx+OTs1ng0/W1k8h/6b1+9l00ey4XuNB7IdL37KTl1oLk82rx9rHJzPRhcbR8bq
lw81zjzNpk6uzJ1rnD3WnF5qTl/Pho83n8zXz15sHnyUjV/Lhm9z2OP30C12Njs7gp3Kjv+UTd9onHiI
RVuZG68/fY65rLw8mz1/1FicaODZe0PNmTuNxZHGraXs2ELj4mL28mz90gPs3eqloeadAyuLz+vXXtTP
zNSPHQDZrF4cXj29VD9xG79n08+yxQUMpg4CmDi6emG4ObNYf3w2Wzq68vJ44+U0XlF/emJ16Ej96H2s
Rv3a8+zl6ezI8WxspDG7WD/xI+aYTV5bmQNd3apfOI1VzU6eWL36eGUeMz3ePPRydQjLOIpmoLTG3VMg
ElAmPsdLs1uj2ckxEE926y5GgvFj6RrXzjTuP1uZO432WNLVQ/dWr883Jqfx9tXRY83lC/ULM9mLoezu
0fqh4WzkKVa1efgUaJJ0dfpA48ixbG46G7+PT7Jj50hdCyfZ/9Qd/H9l/lp26WF2eaj+dKJ5d6w+fhYN
QPmNe0exUPXZg/WhE6Ai8Es2dDEbv4pxgkrxFQaAWaNxc3omu3oCRAjKwUJxT1/O1o9ONg9cyG4+rF84
sbK4yN05cDtbeF4/+7B+fLqxdILcOvuy+fLOyuLRxuLxlZcjmAVX7OkB0CpYElwGbuVcZi7XLyw1bi2Q
kBYms+NnsRFgW1AU1rx+5STHP7lUPz8MUsTIs+HnmBc6AZVmY+fBNdjHbO4cKC2bGWlcOwC2It2euJuN
PeOzxxayqwsgD6wtRoX2IKrV0eOcI6h34Vh27lL9wQ1QL6gRXWGRyQULk82hQ82Zs6B2kuLV+eb0FAZM
gjyznC1cqo9huxcaJ2ayG4dW71ysz81kJ49xGe/NghLw1OoQRM1QNv0T927iFDf99IH6tdFsdERed6J5
92Y28hgjxMKKTDuK/rOJ8eaTm1jS+tg5SBgwAmTOyuJNcFzj7gwWJLsNbl3AOnOmZ4ayM9PZKIbxsHFn
ERImWzgDmYNlQXtQI4bUeHGuuQTBchXcB7nXnLlBKsXWXwL/PqZwuHI4WxoD79d/nKqfWWosHm4sjmKO
jalzjckn4BqQRDY+Wb98G3RVv3hw9dxpCs+xh41DU6vn76GT1TPToF6s8+rlK9ncXPPobHNmqnFxKVu4
k80dq1+aJD3cflyfOdNcOtTgGEaadw9zZciJ0yT48/fqh0GfBxqPlrKX9+vnIcYpnVZ/uUBpcw+Ca371
8g3s4+roqezWYch8iJfViydBipB4q6efgd3IKZjU2MjKwi+NI/fJGosTzZO3688hYa5xhNPPsLONu8dB
ciKHn2NSZLrx69Qmp8ab0w8hSah9Fo82n9xbHZ1onHlOUnw5m50+nr04SxUwfhstMWbuxfIvq0NXsx/v
YVW59Q9/giTHRBpnHjdnSKX1a9exI82Z29mJkWziUTbxM7iguXwGYr/5ZGpl/mF28njj7kMRJiOgKDLg
zBPyFMTywpls6r7Iz9PUL/eOZgsToJPm2IP6pUPZ6evsjZv4LJs+tLJ8uT5+qzkEmXNmZXE8u3W/8fP5
bOImRGt96EBj/Bn/fWQ+G/ulOX0Lr8uWh1evL0LmQyNkDyf40rFT2RCplN/+/CP0b3ZsuH70werBm5AP
eC8lIeTnyDDF0UlMbZ6cDv69O4KZrl68Acak3lwexVAbZ2ahU0iokJyjC7LOx/FVfeompDomWL9wtX52
eGXhKOiH+vfaKOZI+T9+vbl0GpyIN4L8sOON60PQFxRlCyNkmcWFxhTo+TS0GxXQyUOQtyQqKJexH7OZ
eby3eQT8PkONPHKM/AtZcelq46fDfPaXo42pI42FuxDm2RWIponVn49l01fI42PPMH0MFVAB42lMLQm/
H81OXM3GJuvnr1FNQAMCEgwdJa4Ad4+N1o+NZsfPkwvOT61OjmSTN0QnCnNBrU9eq0/dagzfBZXWn89m
lx5jjiQ56NPnV4TOr4LIMR7okeYy5vUCCoLMTnl4GpwreoS6hmpl5jBUW/PukWzpPDnl+Amqs4WpbPoY
iKd++Cq/mj7SvDmMBuDQ1YPT1BEQgwt3Vm9eJQq6+LJx+Fnz5QOilPHb7G36IZEMZPt1vPcYGJ+79vAU
xchpSLBLzdvL4ERs4urwj9nCeTwOfbeyeKH+YAkSAOqeUgu7PH2MApbI5Bw0HTTp6o2RbOYFURbme2wR
FAK5wf8vTmTDc1zVyWvZ/ONsAlxwGFyZ3bgCPq1fPgl0RLK8cWVl/ije1TxATVo/O4YdJ23PPwEwg7Ij
xYIgwbYzR4A3oLZWlqfrZ+aziYMrcyfqR05nxx+CQyGNKeVuPGzePUhwMnWBYOzRUuP2leaJ57JQ9zHZ
xuLdxuLUystrwCGU/9CJ964DKUGUEW9ABt66ujo53Lx4on4a6uzS6s0TwBjkx6fPoeVJny9PA9U0rk4R
sl6+jpWvP1psnDvfXD5JhLNwF7OAuofEw7I0x4Bgx0CZxJ+TV4EQyFZnJ1aBoEjbh/EKoseHhyi0H48S
MQLBjt9rPrkKBZGNgE/R1TLAJ6i3fu4l4c3E+eb0PSwOeRYIeeL46p0xoqwXCxS/Q3ebxw5lYHkg5KMX
V16cWj3/COsJIqSWuXS8eXeIgn3iIB4Bs0BIkgexv8uXmzPAUUsr83fA4NyIp0ehGRt3idzA4FwcKLLp
n5oHrzduU+/Uz00BiQFdUAdhhcevgHewm8Cuq6OjnNfJ21BeRCPYu8lpstvYLDRv/dRhootLR6h/b402
b74kqoEgvbSApYPWy6bOg7yx0ZCfFPIjYNhTRE2Xb5AjgB4pD69AsLC3h09AYKBe4aZxYJjmwxv4f/3i
NLiJUmUOZDO+8uIapcHYL/WpY/XJR/Wjt0WPTBI2Dx8nB038TI15/hkV8ePR5r3x5tIS+Aucwh2cvkEY
OXQAvQF4410wGWiVPHkC6d149gi4lMgfGmr0Z7APmB3vgpYB1AG5rl6+z/1aoIalHAbdvoACugn9no1d
W714i4s/NtccP4iFAm7BjtQfXK+fnYPKzh6eoiYd+xE4DZqxfkRGBX48eYIIcPievPcpZMvKy8dQOo2p
M1ANRBrLl1d/ugShhxfVbw6BxrAX2DvoAkyz/uhHbjRk9dxc48xPzdHHHM/JEWJCID3oSkCaW4DEz/DS
5pXj2fxc484EMT9Q1ssbVGSjI8C6lCeArLBxxh7Why7XD4EIT1CPHJ8AF0ATYWrEz7dfgjtowhw7AlFJ
UoQEm4e5dIkE9uIX0Ay2m8bLEUiPwyBFbHf98jJoFSANIguMRnPpwmnMjpBvHJwySRENm+L4KBacanrh
DvfryH3y1NknAKIY3urQNUpO0tj51av3IU+aT+bYDyaIrZycWz1/idIY2uHlLDUdrCrIc+CZ6XmuMJZr
XKyky9chD2kqAj1Oc2tA8AJynmWzw2AcSM7m8hUwKRRQdhx24hIepGnw/G52+zZEBK0YaD0YsJdvW5MW
NAzaI81AmULpQNqPX+Hig6nvjEGjYYPAX6tnLmKjOYWTY8B7EOnZ0AsQGCc7eapx+Sb0MkQTrbCFn6Ge
Vi9QnVGiHlmuHx2GmF09uywct0AUAYsJWhi2yeITcBmEc31+KXt+J5t4DO5eWXwJEoKmAIvBqoL2h6yj
UQbaOHM1OwXz6ia4CfCVNjjo5wWoYr555BFIDvPCvtNUBDdBYsDAPwz6OU5RP3yX2wdNCsG4fJJkA6G0
fL75+CYx2zMA8tHs0lVC5acX67NXYdlRAZ24R+gLow/jvzxFfXrkLq0zkOXQNUgbgha0mV8WW3KhPjHR
XH6YTVyAlUSWX7xKfj8ivHDxfnNmiRDrGCU2cSMsOLz0xCJ10JHjsMppHcw/ARXVLx/E2EADK3MvQb1U
3xeh3Ubql37mHCFvaaTAzr0JCUMsdGQsu3y+ufALdgHzzRZGMGzgdhKe8Avt8UtXm7Py+SHYApcIdw9O
N6ZnAS1op88ehBLMJs5BllIbwlCdnMPKg7WJisdGVn+8CrsGfzauTxNXQ1YvHaVldHkIVkP9CiyFi80Z
IKJpoqDpy80nlyFRCVpunsDc6yfEWoeFNfNjNn0NPAKxQ7h1/2zzl3ONc0v4CoYJJQNGAsH7y0Vq0sPL
jV9u12cmRKRMZbcsR4/gE2qfW/frT26DrYgkJx42DtwERQGjYsr0n8z9DH2UTV+gOwImA5D/5BzV9NiF
xtnbhL54aglm3RiNo6VlAunJKVAg7dCx5Wz2aP3aBMURjESsNshm9Enj5wOkqAOnBYg+EHfKaTBF/fpN
Uuz4YwiTbOJOdusc+Xf4EPA8TQAChgvAbNnkpGjn682fgdJPrP50snH3ANaKy3X3MFRn/dlY88l8NjwL
LsuWLwA40UkFI3TuDvf95HFMtnHxBX0jL4ZgSVGNUrOfF01BSoPEgE1By1EsOPyO3mCtiIl6FTqagJ9o
kz4oohQggctXoaqw1+ACyrFh+iiwOFRGLy407g5hGQH8sCYQoasHxutjj0hFEzfp21m4lT2cJepYvgzz
XCwIMPJBvJqyhZiKLrJsdpYkB3V5+Cq4tT49Toq6fqV+8lL28Gg2C2V6ggba2PPmkxu0lW4+XL0K2EZ3
ED4hnLv8E+XG/COYRZgdRRww1eQ4LeiLp/DJKvj92DCkuvjQntESfDpJCAdD4OikCJxjGAxl2oWZxqUX
jcvYC0CUJ9k9KIhJIkmsz/Ff6Dp4caF+6BrIMrs5SmE4PNs8MkMn2PAwXTQP7mDHVy8CJz/DXIhegEAm
ZmCT4nXQkvQ8wHKBdUkbZIkegxsv0M/Ki/MAvfXzE/SDwVrEpmDjsNFT6HAGlLM6dJAC9sRV7DVAF8Ug
Ojk3CloCtG4sLkPKNe4RBTUWx7BiNDqO3IcdRx/LyUuNowCBk9jxlbnbFHoP55rLl7KRi5zypSOwZBu/
YJ2PwH5pzl4HmWGhOPLbLxuLl/FhdvwADdvlQ83lSUwKhgD0EZ1OLy5k48tsicE/uNl8OpHNw0I5Q2cm
cAKY6+Qp0Q4PKaiBu6aXgBUhc/iWp4eBYMk1156s/jTRuDxE6XTrLp2BF2bqM2dJIRcXKKuPnSOXTR8j
42Czrp6A8KT5A/ELpX/kNORt48wN+jfuHBQP1T1af8uXG4BYk9caT65RPgBbAnsfvEdcNLlEb+ThSVE9
4JGbUFsCmWjjU4NPH6mf+LEO4Dd7ZHX0mEi5SZhvNGzvL6zeOQfwTIvj3OHV+7NE13NH0YbrMALrnvwC
M3xl/sjqhcfZ8BHsPv1RLw6uLExnIwAGRxsn7lPHLd3CvhNDPjwFpQw6oT1+b5Zae/g5um2cWQRoIXp5
TKMV6p5YFED60EvQNh131x9QR8OyuHS0Pjdcv/1T/eSVxoNT9BJfO7C6SFQGyiHZz15tHp3AdhOdzi02
pq+vXnhWn37avLeYjYw3lhebM6cghME42YGfiIhevFiZP0Gjb3qGW/b8duPoUH346Mo8AOdc48QMmfoq
xNEi13z5KdHIFTp7geK4krCUjy1jOm7KMA4dDviM6/Ni35MQydgPfdePEl9XqlE1ir9NtZsyUIUnnl4k
AbOhBGwa1juIlQTOhmFUKcRa4mfDqo6ZhKUYvyohpcb1U095cs4eqTREn9KP8eQTiZqPq7HGe40uvVoI
JY7UDESM5ZDAUsN0klCVVYG5yyU5SGNIrpHQQg6b0Sjfpn7VBj4aia01KiiloXKjONaRTe5kSK8fqzj2
C4w+RG9lGbnmATgPMjhOVSn4axGJjDtlqLlhoN+rqVArxu242gbhSuyohOYWFENwY4mFxXhSxulJbE9U
YcBmMMBoQH6O+coqGQnANRKkG0pVACWRvIbnUIxm5im7p5nPHRV5xiaRnkbiYSJmTvhKgjM5R6yYG1Wq
NnNbG4n24a7FeIEv4Zk8v7WRkLHEfxqP8TeYY+z6qhp5GASztZPI8zlQ/F4IJKiYUQKYa8D6HX7kxr7x
sZvMQ8JOpewBv+siKQSrEmNlJb1KawZGRRJALRHKnpIeVFTk6mEF0FS38eCcK6OMnJUbiVWLGLNk+2c0
KFYqkrhBI1HXBpP1GWXLnBEJozax2v/qMd5Z8DnTlDFuUaC9KNEh9heTfbVgJDqP0bJ+qBjXhPFyZZTL
sKbIfXXd8/dL3Cdj//CUZHsp7v5+UrgfRNhFjpkkH7+6v8/HO149rur9pCpPDbya8nSkB3h2WVXMAq5o
hpAzlJVpQEyXKL667vqBqwp4SCKCJXzVQ594OupTVcxCgmFNQShEIqeNhNHGEi0cFmW1sdfccYb6GknX
5Uwx94IfFFREjgDhkCsNY5iUxDd60esnrxd/nfh1VLLkF14/xM8cs95/PS6fPPr1gOTKP8bvy78O4fOD
0ubpr0fwc0jy6n+ST2bx23PJqV+0mfavf5RnlyULf4q9SY8vfh3Fpy+YrY+/F/lvZvHj2SXJ6n+M1mvf
vz7Dsb2+yvfyO/QnGfySYf/i9YL091j6f8TeZWwvXl9/fe/1Sfz3IZ69a2chzz6Sb/Ekxn1DxvxEPuNb
X8h8Zdb49kf5BG/5dVhmzb5ZY4Atn+Cfl+j5R/vGtbEx1//H30eIZw+s9cA2Q+hx9t8VA+bwxEtZ0yvy
D9d6RN7+UNrYOgasLLAklQOW0DPHaesXLP16AL09+e3W2d9uj/52a/6322Py+9Bvt+bkk7O/3VqST47+
duvMb7ce/nbrZ/n3Pfl2Qhrg/8u/3ZqSp0b5ID9Bm1vy1Lz8e0QenJc2M/yF/15iGza+jd/7FHlaWl7i
//nU8G+3Hvx26478fv63W2Py1ZL8PiGdTMsb7/126+lanxzV7d//jXddkJFc+r2fIXmd9MPfn0rLe/LJ
vd/7RPsjMovp31dgWlpiDI/kkznpbVqeuiOfnJanRuTDB9JgSj55IN3+xAf51T1pc17Wdkh6G3oz//bw
2yNvbvPfb0ffPHxz982NN9NvZt/Mv5nBP3d//xw/T6Wuw8Lb8TezUslhhPUZ0J41GEbQfvbNM7Q7/PbQ
21H8fRefjr0dfntQ6jzMSyWHu/I5W7Biw8/o+SCrO6DfqTf30RPe+/YAPnuO3u7h7bPS8jZHhd+G0eIu
Ws5wtFJbYlwqScy/eYZvx98ewO9Tb36Rt3Jso+j3Jt/45sHaTEbx+2PWosB4Rt7MyJgey7tmMTvOlFUl
HrKWBFrelNoUw+jRjvhnmQlGgKdYo+IpnnqCnyl8MibVKlgN466Mlk/wPbOc1+/PYoQ30fcY5nkXT99c
+3yEb5OxcCZj+Ocgx4uWI2+mudry28/S5zDeePfNdZnduLRh66fcG1mf2bcHWR2Dq8Q1ln2ZkXHclPZY
Z+zdz1xdPDGCzx6gj2EZw8/ckzcP8Nt9rNIIWo7jrcNoz1ksvHmET0Ywh8fccRnPYanSwRW2ozuI9bkn
877LFUZPN4VGWLXjOvdExjG8tneHWNED35LmfsY3HNW9f6/6Y1mZQ/KueaGKGYwP45K3ch3mpbdR6X+U
MwfdzL55zjFIbJjkBjFGkrGnaZCUGeQaFG0EtsA6BjylVYlGlDAlj5U1pLqDRKoVlSn7UdhlY+wl5CSu
Ae5ITq9E0zNdn7rbZgKYOA1DyX6O+DirETCSV2KTmV3DPM5BHUjRReAzN9BpKKUXQs2s9n6iGxXWvBrU
qk3LNxLQN6DcGvpktHmvnRHL0aBTz5fciFhLdnIs88UbCiw/UfalaITNAzBr4cp8C8Nddcx4V0bIsPhA
mZHRgY27zytPch6lsof2BrVEOwu2dJlU7aUuy9zwL4AZhnwync1VoU2e8Ewq0xXQzNwit8y0hTSWOhbM
MmHBkQLARU2ilKV0p2K+pxRui5mYgO8qimnu2oYlGlkCAoKQWAGDKDHODyBHJzWbjyFrzVQyicn3EkCf
EtMUGGlrGJbJeLhAcncJ1kJCd4Yo1wjiMVymjDPMSYK+mFJXldSEgLFMNpdkYx86wyN4u2wn666hb/ul
3sfgWbOWW1FgvKard3GmprzD0llSjhlytUfCpR1gRFv2gaHxiRqQ6DsaCJi7pBuVdC9IgZXuiGfjmqdd
RjYxWZXJI77h/rHuB5aYxRP8hHU2GbxYkoS6gPTBlAEtLY0NdJL6GKxRIfmuLN4IeG2zHIxNyjA2PptF
u7hmJDDsAGOAfckOIWl4fonIvOq7XJ5ttuZKhcYGV14x6DewO23TZKxFpAIQLinSZk+027B4I3GdAI1a
4sYYKcv5pSZxCtpmdpi/WWpNmWwQ1DSTzjzmSDBgjQH+wmMDfgRIiYXE5xylJB0IzXe1p0HPuhYGvbKo
QCB1SSSezw8ZwcfQTabylbSyU2EBNIB6icDXXlXSDMLUvn+nnburJK3775bVGEmbMikHbOSCysEj2tvG
8iFMyaB9A9IocascG+dmg3oZx0dq2JYy6ywp6UTmLqkthkPBX3vsFrtK+NcmyDDPQJJdiOpdzfwBbrCs
tSHVwTLp3iRv+sQKAafbCfWgs8Pug01t8npJISr4wsoeyhBfSjiQScDX5IcdzG4rST2iAgsyMmTTFLTk
kkgsuPZ26jQxTOkJSfMSvx/bOjssJpMM6rXk/qBm7PxAUpx0r2VfyJcqyXNf2S/4CRN+32lr22GFh9TA
YUL1APchSiUKdC3vZS05ZoMVWtWUNqAWOd2dsyH3DgPOpTCHUMinYktyT0AFzCICm9VsYotp28Sagi2S
iBBXdlhhxeK0oc0KIoFVmVpTYoEUhklawSkx/Nr7mNQfQgozC8hjaG1c6fFhuaSeHixrS1LMBPF67Y65
KmGg/jarA2xOkS3wBG4IfT4v0kbXmOeCld/B7MBSVGbJEVX72HI4M4ZAtButCBKSAilq1qUukRkHSLuG
gYmSewXCpwAKavmWFiYL4LUOiMwD7YADtkMyYHN3UOpCSWKJHZab9NFKfxpLLeqcIxnYNo3D0L71pSgz
sxU+syK9nErCox86bAVJoPzY7MAKMp2ZGYYqKMQ2PNuXPKtAWpe2sg5vd85mTzhrSUqM9MeagZkrfsos
kH7MdluFZUjVLk9y4/9l5/651dpMS3GSSCI7u3NUpoHex6hpUkEimQcFRs4OaKn4peM2m35n0+kMazLg
cZb3xdx3gxmK0T4qNwYmQ1fRaBZhBZW1z6+klbIVcpArvhfUIJ8rUoUUVAIFj3Gy7LfEexupbYWpYATa
5lanrPYaKpPUQJ54q9NrcUjMDMVUU5ZEldpXFlZgzUQ3UiZTwKFnvE8JeeftEmyzqGSXR43sGF0iF38V
QZQnjk3nMHuU61vRzNyAtOoMSvkihrtuHdQOy35vEy25lqVhvrHZeiy5hEkrVwQEKyhj36Xohva2OhLK
m1gwVKDWNUkBO1H0E8ZFY4C9VsCzMinWDBIYHZpKJPKFdfLwH984LGjOucdGi6cEW8H61N05UXUgaFYW
GmDMP1MRuA9SubSiuaL78P6KzQeOtU0M2qrFreZhkRzWBWJ4tgIPi0oeVDUuubMtZR6rzTIzOyz4slll
RorAQY+zaJqR1BAMQipgrGupsqY1NHosqZEu641XE8FuDCSOJVnNBm3bNE4WAmOKnLN+PRkPAoRzhzIN
JIcVwhwyxKp5C7C0AlmCKZlWLeKCyWqmNS9JPpJx7K7lIUGTiGvH+sI8G9Tv2BycWIquMU6ftYr0Lgny
hzAWbb+WZLnDQj9ffGZBCFlO6JDKNn5jUyKY0kE6Y0B0rodCPCAslM6oCPBdGyBn/1oamfb+mrI8MvVR
VSrEQQtXzN4yVJxxKtF+ohtuoy9lWZjWqC0zQ8BT3G0VitpYZvkt7X0Z1CoAGt9YIWkTWY0Up8LEAKlC
313LorTpjIzPB1IUH24iwkN2xObHSpGxoFayibBSIgv0Z4vUUPGxG6sULeXnWZWi7FdZsMdnaq2ILsnO
IUxhQSIvTWSrmB3KbEQLGRP5viS8FjAZgTmE2y2eB/rle39wpDDPHgsnoSIprViyHiS2G4QBQW/TE41k
0mlvF3mHGqdIbc9UXAAe3lcAadOrZS5tdpV2WyjNPLKoyCImLB8kpYuorkPmXLJc1oaO1naWku6T6toU
F9aM6E10taxDJhDo0IkKYlRIeaZ1LZ9L5pnDFcNQc44UvbEpywZ6ZTeIvKXlc7CRY3OzjMTyYx+s1Cv6
AslYJANDo8NUyhsy6wIWiqwSCya5PowRgHRj+iwtfaxZLMDZziI5acWWJupJBn1BZhETM2qs7s7ycwq4
PNaOTaNgDRnaY+WYTkQyLdlRcrIEXEKUsmrxuhZnhzXuQOvgSZb0Nxgg3+4oI2/3wT6SWthFtujpYuV7
AAlBDutabL6esWPRdkG2EsyiF9ci4002/UDKi7U4xu5YwdbMsgmnzqCWtLyODluvDfQOIgQMpQSTyh8Q
nj5VuFPwea1CjddbOCxq6nADWRwdf70bK6iETl7XwMrbrLwWljZY4t2JfwFVMXmP9OkzNYSlgPiGbVaU
/A2wDPbnAIiRX6YUMsZlCUIViGp1uv9uhYdUCYOIdUSd2mQVr0tJYi8TkbCYzjbI39gXHVfWO383VxMo
Eo/pLgOcEdOWOwuKgsWwMDdHBglIoxgiA2tKHe4o2pS0PoFH2dlfmZIIyCGZJpLwRjVh0zRsGoizW3Jd
HKIZsm+tSnKT0ocubcWKL3URQ8cvWqMpsQlhHgkIr223UqBgs23axG7ZyoqcYvczLTsv+VO5HowMb01g
gwRarD3SvOT84Dsscuonu+WyAY95T+QL6gFlpD5ergez5DrbNFkASN4Y0MNrMZyC3DKCTVWOSK0KDdS4
1i6ZU/mihQAe9gTqjMVpoNlci9ml5IHYMrS+/ES0fZiKSPqr1FB3RFSahNAPfxal+CRlAbiSZb1Ye9MK
FGewHHG4JNKURTSkMIUByMd4ZelYMlPy3W1Ct+mVmgUOy/hzN6MKt5NICURF/YcX2aTFrkKNm+l8YSHq
HuvssCmvLKdJ9mDiEnR5L9gD/UlNt6C2h5oJEjJyeIJFyyallUyj1NgqCcwZpnYykpVseIUKlon1hGhl
KclrosUOoWOTCDe02UQsMSNyPbR6Er/aa01nW+nA7E3jfgxCCqfqOC8lNDcILmhpKVgalNJ1vIaDeZpr
lR+6v2JdjNiTbPKgVuU9KL6Yxf7vKUQtkuq09Y9pIAwkh2ZGLlIQCQZTwJXy8AIdtJuu+UOMFFPFxHZa
J5dd1patjlQClLpvPMZKIRwqYlBhq+iewvj2SXU7SW9d12KrHOT/sq8SOANyr43YaqwAxzoC3CTeqYA2
Gvi4ra2nNQ+OjTfYjD3Dy1XwAOtA4X9iVu/Xf2MaKAhF0kRB47HbnWvfY31IHrPL6UkSzJdYILhHSmk4
vLXG8cO/snJbWd5MgGlttS7JRu9RjsBg3tsQrpcrReKNzi7r4SnCtiMqI8NE8ScpzaHaNj+2NQ5kKiAb
Wi6fS5mVwOb6mT1rjqWNQFWe49i8wTX3D0vUSiZ9ESzdYktgmI/lJh1nm7Vz+GxFiZ6zlTEAEGsscSc6
QEQz2xtKLyBe37B2HCxz1smPmIQGHJzEO2y1ks9TA2Ri/m7NKxhUFcGm4r2jtsZ6fip5ohuldmZQa6ed
+40Cy8idAlKLYMO2VMoskkVBbta7tfHTUDgOkJg79ol2eEmPTQU32+Qwttbyhz+w4thOGJUaQsjaapIM
l+thajdYRnDPfr0Ndl9ZVTbY0hHfWQaqptJ1q6ixDTbrsWXntr3b/un8J3EicIXYRTQqEoxeEtfphWN1
xZrzjdT7Wy9iBrJMUjmNX9xA2PBpIsN9l5fQdDq5HqlDyxtuQC9fWh+ntkCXV+KI7GHuZlgS9ONEoZT7
FVhRrLmUfOQq65dKoPMHQ1rVrPkZDpA8hVHDEjcM3/EKEJBwzoFF3J3zmLIdVe0bEsyBFGAzZA2Mf46C
1SnBzSpwaby3doqksMmCChiCcn5A1L/4DqFet1nvK2vz6jRW1ockR9pglSAgJhpcm5ioGSPOv2JNBJFU
Xyn6ZG0M2k12WqxIkxXL0yJ76tiCK5KPiV4+k5IHznZq2KhIbSjuxZAXx1ANglL66aTsTyQ5eb1NjMw5
tpRN96CVptTyX/mlzhaZH8thcIbbsFEbHTdOpX4N6xrkeujHRL9ScNOwmB2NbBoG6e+GprFZwQ7YkC4K
wYrdTss6KXqZRFJk4Ctrse+xfuHdFmvsoaOApXmkdMXf/JiktVaQYYd1a+2xaNTmwndWCRVY60LR5fmZ
WKuOrWNitoUATGHN6nfnK+va2WWtcmt+GNdSOTYdlGKhGB0oYvW02UI0X1g8KLmgAJm/V4dQLCdkS3IY
3rJEcCLFgoxIvkKN+lbqdsf96BP0CYKsAXzSFcjv0Lmy8owXRmHjWlp6oSid9VIFeb2tumH6dY0Fw0X3
BwFT1NFSKta2dtI7qQcdW63HkVrZEKaxwwRmKaXQuTbaTvG9Qh9JnrexCbAOvRE6KPZar8puLUnbA6KE
tdRDMmV6YKGWEvqXgGRdqZlAde6wShS1p9mZ9lMq2jJBG8Ug9pNBK/J4CxE2QDmSYpzbmisnSZVvBifa
qhMtUnYoqNlaNLFrDQcyOnsXXBf22uME+jvxooDlnJNa0doWFPIANdraVSalo0n3ihXplC1dfyUlTkKp
H2CSbQHdKUqUjXg9aF4J9s315AWGel4kOKtoF4T1V9GG/hCVlHdajbfDuo5tzRvTapUNhrAG03gjHFGC
FV30yX1qDc2iX0w0L8FxeBlbXkp35uVagtAr2nLysNVYSgg8FUi+dgny2+12PsfL82JkQ/pZZFy1BUCU
I3WtWX8NS8AK9hQC4v9yCmK2xLzZzKH1TDXvsFaCw+AWwfqxVCVZK3LECgqJaKdE6gEHUeoVY7pa0Nnn
4qzYxMMu+ntgQULpbbfuYaL+SB5giNGA5VupEA/wLDXsPF6zApFhazo4UmhEe59Zv/cnUhDKkRufarw4
CH/VxNsEaSoFMyRqiBCDlehzPUZGUOJVP6DB7ZKV3cqqddjs2NZe+hjKmGdn2AAHmiZl7TXP1iMwLA7s
gFisS49lNrnF1I1YCSV2jqVIKQCAR6G5vMhNZSHLrK0vxfRZmaaYWg+UY4te9OxmuTdTo7YXONWHzfS+
tsceHK64FCIe8tgzRUecAa5OBVw4n1t72ubzt2gaE2FS0OJbgyzYwfpo/j4SEbV9xXf/2CH/I+HF9Et5
gKaOLTTmiLYFYgGxyAoCmzrdUl+Y50Cs2mH2WFDKewyIIxN5bzEV5/SA3LlUsrWYoAPExmdsFCxZqeKt
1+q8GPKYppdONIq40VzyB6tw2NJnbbwlhv4CFZJZbGY9ltIhGmvNQ2tuaBWnUWunFA62jEetbaUNT1Op
jmKfdflsySPD8qv4sZ5Z8LpDYbdD0Lax1aec7akYmms1jPZaqwDsK/Rd1axaUYo8VqXbq0qkz23CVFup
tiBYvpIKLaB0hmDJDZQQSLb0wbufsSBQEA5qhyyxw57H/TWFVDcVa6/QtUJdJScTDiS+4Vgg4mjASdXw
9RuF+GBNRWwdtIiGZDla1iehtUGrcA0mQFUQhtryVrZqmNnOGg+x1P/hATj5HqLZ0iAvz3RYfj6G3o53
WzdTH0+vYX2KLs/nrXlMaBKy3I3Dq1NsaSLWwwHfh/KfxMYk5hw5vokd1gimBMXrwkhuKBOqgwypVUCB
YhDwdgsdd9iyEIQHQL8Wj+fa/9PpeuefO8RIc7ojcY44tF3BR3K1m+dY9EuzxfxbvRjHGhcQhnhgUA4H
XWOrn/HaSpZO4Y2QFICYP5duzUcq0s1xbKm4H8Rrt8EWEiyz2Foh2jdoVZ2dmMdabfvBY44XwTSJrXM8
74iCHhzM57CfBTGIS1LxPdrKdcNa5x1xnFl3kfn+++9+6Bz0BQJERVML7fLwnNRITVJNDyeJnVVX9sYq
FUHqGFvAzhoqXWCnXkClbdYLbs3cvLUGkx3WGhSCzDl/9wOAj4pJYcUWeOdYit0q+FJbNy9XAmywxRAd
W3fQSJ2YqBiyJpoKdtiTbNayC5TcVYAFkdsAglqbdfG02SKLXe2B39PSknfEvQjGIxVD/NLRv2vNJy51
vpwBX4mtVmW1ygCkR89enAaCnmNxxrmWGwkKWK8vDSgIy2T6qN9WT9zYbYlow1rhNPGzAgFLkXfWasby
fS6VS5z/4j2rXm2tGhSL97Mz8aV72+WKVyPV+7vaCeqIbWw9RwJ4SOGyXyHV0IwoYBvFjsuzzj9Lg8Pe
5LWOnFYSmby959ET50OVxdKSmqWvrb4QdO0ze9KrHGGFT3RcEB6N/X5Qsq2HmF8r9yjF/9aOvqu8BBLs
JJ602LHy06GPEyYd0AXveKRTFEwSW0wkZ+OOw1OPCu8u9WORtNBxfvJfFvkDC0ehH9l6jc5aecA1PWFL
EtI1Sm9orpUXqW0QZ0DAw21KFFtVbW3QG/fYqAEsI+8YdOgT7845Vp/5oTgDuuwxhq1s87eerv/dDpFI
FxBPpC1YNyzIGgPeihKWO1aUeafbWY+/6Q6Va2vjBCtha8Fs3RarApAcpTDm7lp3EauLcbZyCthmKwZu
BClRb7D6Mr6jygSr7Qi4ciFLqdEZVxJ9a523UhWfYmbtLNJqPEydtbh3WAvTFq8yPdZslZWg1w/YsxDY
knqORFZgKmIV5Ktma875i2NvjklATjzqYsl2bKqtt2ikyD5GxjtE6MbwSDeEFYIS0Hl3jorInkkxzmO7
KsCeCe352JqYEXcDz2ATOYLbZgS+2kp0htznx2Rd+glpdoN+PmHF4SjcvOa5dF2iC1sk1GE5fh6dWpjW
KrfobahSmqF765MFm/01DWpYxj85OSJcHnDS7Qq0RqcT6FEsYbr6HLntdP2f1kMdWkTs2BpqVDYcjq2z
Z3i5MneFZ95qrRCo02VJimBLDiHZcgNLtoERSC4wMcC0vBI678i5mlxgIiU68Xut3fJvoSTIB4qBG/6p
vfNCLhsB9LPwYHN1n7Oluq9PbjPJy61IjrIVVPMwVIhYLD23dYtPrpP0SdUkBWPztk9HVKTTbWu3bqSt
w5vpbGFAW2CKTjIGIPE6TEcZW7PUkwKCsa3N3+JQCUdSZZWIumjphfoxpMfXoduDS051Zc8PBy2sGCyL
F5ZnXeDiQtzD+z6tL8exJ8TdoqSAIFLa9to34j9TskXONq/ix+Lu3ae9Tlv91vncxijtIV1vdChJYj8i
luIRYiwKFvzO0ondObn2hIWg7GEw0a+SmYiQFfQrwlhuPXCwWBUif96L5bCmGXgyTQzkkinW0G1RiggC
v0D2RGKk2UJpRogvpMMM7F8hbOLBii8g0fPFqb2bh7MwXsUzt8EWz6Q/sopubJyHQ2KgUqA1wSNXnjsb
dy3MgMWsfi8m10ZDDVsFKxm6uWZrT5p2q0Z3xBEGrBxb75FXMHBiiZiDIiCwD1o0Xet3jB2DjBOAFVhT
j5dVQaPtlv/lLE/n5IoH5TDJI6oZIimHd8XwEo3QHgbHFSvB0oJcwRBriWUjFANFWpjWI8GPmJiWG3a/
sEcGfmjLAUeyGH9nSdb15gt7rCpFJlUoxwm0A0Q7QmYRtNlyvTUiK7keVzSercv5HWE/KwFKDVXwoESG
5K3v35FKYRvk3qZcT8oa+rkep5cOZTotBkQFQPtCW0F/Yv8IfVnwGMIGk7anco5jjyPoMgFZbcjt/PLz
HZENOBQ+Z1yEmDnOf9mwDVtTkIfIEk8UUf0OWgjdaWFa4q0JapEhYQUGFX0ezOohHhbPl6We9aJFocGl
vq+3nSFcsG+jxJYKk1ph1i7eXBJfTHWHDSHJr9WhtmVfJVihzANYnjsy6JCyzpVeRLfxpMKxIVyMHTA0
FcpSzJDxWZwAZIONhesuWD8fDSlozO5uh26VLkuuLVJulGdZclQrzLhWfDQvGD0KqdihPvPWh8gzLFo2
oN9iFNsCsY6tVYhpyz1jkZWRtuhfnnJQSEwitHZYb72xlYA5aMyGRAqOJsrCjlpxz70jCZNOfMzInv9h
YVmUkbQL+CclDBl6IjDNHlt9U7DwADiYVz18asG6LQG+UTlyhsPHsRRfSP0/R24A0TFvfWfZbHatfq+L
OxiJ33yDLWJsUYWIGsy1zTLgHql7KUsrsCLmVlkr6Rtb/3qjxFlI2KkfeRvpc7fnt9avJoGDcri+FuPJ
2pUErrVtNhAlkXPDWr/FGqKC17WQm7AriqFXURimLFoa7LABjuLsZ0KRUGsUC5Cg1waLiuYb8aEby31l
tkRem41rNl+6PCrjZQ000iwHOPR84YGd1uug6dQjYjFlnqvxnraAJ3eBdTPhz24/kZgVBlgNUE7Y0FJR
KGvFDY0luhZrpOV9mo7Qg9b0snrzG+Xw0jGAoX6WvLehUBuJqDGxbyyBymVhvH+EK7DRRttBwcrCFITx
KnKHHNSn1IF37BmfQz4TNWGIjW0NZcfSmRE0EddskXTj2EOiPTZ+CUKGW2djyL2i3HrIg3VyhxzD+yGj
9ABUqKDpMbMucV5nxMViiV9YPvZgWmKCgkBu2HOULd7p2IrfeXZNDfaZElzBI+E0+QQLCCoQ67pQ4/Ga
tXp4Gub5Uji6IGFMNTF9AmX1mJFal4khj5VIHvS+hrEupub3utJO99e9fKbXHpPZsphGzmhBjrICeUoL
vM+etG/kdZA8h02lXqSwUxBY8NRu5co339i6rJ+oGCLPa5c7l6yME0xJ7ypjvRhwwTLzQIf9NWye+poZ
cJ6WA811LdsSVv5VcoSd2nu1aht5T3RAYwt/5XrWqmDKbYuOAlynNxzUw4WVCvbYvLWAbRECDquiOt+1
2Pgj3gfNSW8UZqT2oneUltrfef+05o67SmjiE9ZapiSSoIW1upLfWaJlHB19HkWJTeWC8I5yzA8jq9i3
MyBpkLE4ScwcR16yhZUVXcoBVOi45tpH8deGkS5d1E4E1qxL65s2GyVWtp49lsPEW2h9yh2MmgcIvI6N
/t1EbBlqbdpLcophfBtcVrQqYXtaBLiKbHnOLnG+Q17H3P9ohz0yECvHD20N0LXgcVGfAN6wbgcA9m11
fOcHXqLFEzaHHcmNOirg0VnI8F/KwfYk5bWPLGbLg/BesF5F4n95DNjmdCmnHNvrFqCsnS++3OvYcvob
ZU8UhF/s2Jr5dNMnVsOKKbmuxSr7fNlyh4yQp2A+j2dyZM5cT1QAfmL5Yp5oRzmqh6Ivih1rtIvBWjDE
pJq7H4olT9kM0lcsIp/ov/I2Lx3/D33v7ziEU1hthiBI+C/ltGNslB5GSqDxFxuMavMl1tS1U/Dl7kpR
sN05LIbMKBG7+itJt9hoK0A7toC2Y+NRBuUeWFAn/SbKqVqfVWQFfJvdwE4bemSLqTu2KrKNr9CDVauL
5YImR8qeY9LKkXiKDb4otzXHQqc9+9bh/hqDk8QxQXlF8vnOHgtxlKpawzDIV/TsiFedPvsWuWiNOlB8
6f877ejYskOJz9BREunwhz/YaFXhTEjSrt4dX326Z+9XNoDFVltvl6DzaN/22qfehtw+SQA1GwftMSfG
YoQoiw64zJbldyxANc7XdOjK2WFZSTly7JFscaHG8to8ULMHHdaw9dptIX57PVc4EAXEKHgDT/mUZdiC
Pb7/1B7Di8e4FPHAHgO1bOTYOLIu67NQnSwL3dVuy6Abia9SiUUONgUg1o6tAS783V5WjtjsVRtd+wn1
UTc9ZFxn5kUDCfxNSchf9z//1bmhmNra5Ka9R9zhdL1Bo35q10X4oesdewBkHBsSsl37fRJZBSX46ppn
w/YlI1unEKj9kNElpf0AJgqEI/62jjdFU0v1aWY/4P2JvQSmwtRgN6q+ul6S2yhhcjBIWi5Uidwk5RVU
qYQIswuSvzRQ9i4HJrWbf2fEK559vrrP+AnXV8Z+p2wOVWTT8Vmlnem+Nu5Cha8W8FykmPvtMUuYsboV
DKLASx+p2WxKfGRvkoI93Cc2kWDicrSWby5ZRV7EcuolxojKpRtMJecVfrydkTh/wIarcpzRqwVexRyJ
7oiMTW2KbJKQvcJJsk5iFqDntU5+hAHxlqSK5LhHNmPcaOsMkmu1mPeCpYppfepXs1EiYTq8MsrzS5Fc
SeHJPqAzcQ34SllnHFaC2VOllA782BYAMGu1BfiXr8XM54VETOSC8Hs1laS8SCnkvUzMOucNSBS9fVFR
9IqSbCuet/E7JRFyENKS4W6wYAyGxuj9V49DCZtKJF8WA7RJ+fbKA8Nbf1xWL3BdtoTtg6nHcnGX3J/L
qERe6hO/uk5bJ/bXKhOYytq+M0t/CjgPdBMqu+RSlAFj4e1CPu+2qjBznBLn1UIoV4RFciFYhdeEYVmV
VASQeH/GWsht2RV7bTNtMZ7W8zCdfxPkMy4LPKmAo9bSkHhpppwA8qSLThe5ozjmHaL2loDfb7LR+2za
jXjksR90olJKcqsSOdn3GIJTW0tENGtTDtYS6cz+Nol22LqWdgOcUGTujbbJCwnvx2LaPSuuJyLfbMqI
WcvW8Yhf+aAE7sp8fcnbov+JjkdGkZGemVnFUHQbR6YCGvdEnzboSMdruVxAj0YS6GjLgzoCXt9MrL+W
uyPCjup0LZfOSDIBgUZYk3QlVTASXSk5ejzXHbC3ccOYV/sZOyYRFIwvtMf04vXEiwesbHO61s6SaYAz
NoPHDwxES6KSiMK1pByvILcHsR79oFgaa/smnjY68sxadtJna/tsvTvMm7T5bXLrNd8PecsYiQo4kIEz
vycWWIUd1ORgnRk0crtrTLZQVAZFLvcAs1m0uG8lKlRuppEY+4RpRv8/W2/aJNd5XgnKu1Hd6H1fr1Pt
ZmFcqALk6Qk3qlAOECRFyNxCgKye8fQoblXeqrpEVmZ13kwASUkRAEhwEynKtkjJMm2KIkhCEAGCAAEC
IAl+gP2d/GQw5os7goSoiZnfMPOcc57nvW+yRwuqKpd73/uuz3LOedA2iFUgTqdk7CrKRPK4IFuuZAUp
0p+c3dn0bSuiEr1D0VChzEYsmGJdpVA6y1sojWIvMM5I/ilG1+YpDHz7vm07rBwIfx9mEau0DlnichPj
D6gponOw+jEPiMW3uRnsRgQB7MojZBExH/lc9syen5sQvmVDqNoGVXeveCCIbc4irqEcCrwK1UbAfB5j
6neJcpiU9XAV1WMVquJ8I6oMzBkgI5091TjQvLsxaIiaAGAH7QfIFW5YubWFc2DDSZ2qDbO8ZJvSmGEy
EQY6he/SPW2iZl04CdFj8BPC1NfsQxWJp+vS5QccGzHm1ZGQYnbf9XrnSt1fcMJZrENNN/KLZIx4u229
4LCxCXDM+h4BIuLdUHS0i4fEclCRt9VVds39vk4AGOACY42T/roH+JYdjd/dUwTxdMRy7EDwYwEdjP1D
VQGGiKyT/4lKWuujDXGfbZ4zjEggKvdR8GoRthBRd3XCcvGQt8dCtU+yMOla5fsq5ydjFRsofICeRORY
63/Qw0CLHdbFvLUVO1JAplMIIY2ixRMmbZwq1KgiT1Q16U0AAMF6Va7R9jkg8rbAlTMvdYStg/Ojy8ro
RHRpn/4PgjfNOwppdXnJDM6lETgw3I9E9apQ0JmhNrYWFG9H3bJ4oT37vdZ5sMycS904QbtBMBNRSkEm
MI6bA+znwRtHQMBO0UrJsc4yrDG4QqK+1uXXxZspCqcq3uf7hjSGVkc8rFm1Q/savB7YzR7om3GOb0P7
3CxEcqVQ2q8vupMqE1jXMQbfc3Q8cJY0uBued2IEcr/4auz/4sl0nbbdIK+D/WCltn0P+RVUBavWhbWq
gV4ilBtQBaZ//ZyZMKFj8+4hGWo9AkbsfixtX2p12dzqqj7KwrLzvBvSS2aKwiFrjVevmwTzzRHkXdXq
wvoXChXgUOzztsrMA7X9y+6GZ9S8sflmxoEQeAzXL9MFtpFhyXb+DzumWTwYdOs0R7kt3CfqRqE6Up3l
TqH6S8Ws1h1qNuJ+HpWd4fk9XEW40jqrLnV+YBBq7pOLzrODyY26f7QasK6BCgFKw9w+bOVONlbtkD3F
F0VVaqhSwJiU7b96nnEPmawlZ4445gAgKp7D9JPs51Kv5rwmrcmGjnW7SbxD4Gq1WlJkb1nzD/FFwUKF
cqh2IICLc8+B0sWmSh+OVuFh2r0dR7aH68/OY0cKdHr1I5xhHkYsdrjb6GSrrurmzMxwsdnCYfXjTZRz
73NeuIpA47B5hhOwJ+GcBNvHI4oTnMU47x8ed8l4dAr2PNLQuE7hC1gcd1TcI0i+A7epNDdJhd5Y2m1E
egbPT9RAKnlOzRcKi3ZrglUKUR9Wq50y/3Z2CjFXHRhFEiG2P4fuuZMg9iOBUpXcRe4ztiCdlQzFKRqG
Mn96kz3FHcwB3iEw0B182tqrwmGfJRYNnDJyNwqdq2uTe8yHwZnPILCNULB4HAXdOH22T1QDAf5HOD++
DkJzuRnEruE3XB1D+8DqxPUDEKjgyl7rVcdgV+53O7lXHh1yPqm9y6o7yQpXHO8io8xiPZnTimm87HIW
5qZvAgrTd6GIgnW8cAKIn9gseFBgwQ1gyVlg3xmOxutOTNrb6XAe2h9HsTsTl8GNtsuKYLZ+lPXsFL6P
drG7NqL9cV/8j6gWXW8tgi1/lz1bx710+A6oUy08W6fA3MIMErIFtEizwFX1kfsehguhW9d5aEhFH9SN
wxpntrmmiAtx2OFhq8P2WYSUsL+BrkobmLkHVmxkiFIsFK6DLTh6ezuC79ztIBm3ExtVz+wU1dDZ4V2P
cU42t4D+hmgJonhw2MBP8fNlidX8cMAI2Nu4iMg86p4hxlIovrQ3xFO0fXSW5x2ArH0PKiC1mHDj3jqO
qHlPQ3n7u05hL5w829wt/iOqHGEeNg/6Pt9xkLyWG+taDhEXdcWTpnQ7iBxJa+BdbjfRQbUHmC9Edp8Q
0dBbc5hSYSbZRm1ei2t0FGQMrdTw9OHHTZgtxfoYaj9ENgxBU+1iYCny+QvHHjcOFC6cR1bt/L3f+0//
eefuDpgT8CXdeR8WodXByo17dnkGYQQfCXPZBUGanc5BYgjA+tGxPgXduPa8t2mDoDjYLsy3dHx/m/fz
outU5WYdjEbzR2dm9hGggBpI2McYPFqCCMDqoJvwmp1lRJdwLrnADIDbI2w0D9vkRhCNoGx7Dgexz0Oc
hFxO28exjzpbsRFZcmabyDuYF1Lb8Wj84mggZMbSAnHUy4PDPcQDSie/IR5HVvcup5q6AkLzVZ+3rn3R
LWaP2ka3UcwXej7YIdjHaE/ViWw9dImVwudT4QSLjgtWFK6vgiAN7cNFlyRYdHJWoCG0r5W9OZ9/gaCf
F3WiY94FKTfLHt4DSmDVdneg3qBNMdqw+WgP0qVD01T/Eaa33c58OsLyWLzW7s/VxvZLGMXBpIGmKdis
sjtw6ksHcQyzc3pLng53LuHSkidRvgHJmK3mWy4d0rh4REzLwpmdBctu92HfK8+5tKL4ZM/pUIVvuIWz
5p2/3CwpllqEzoIrsYAWaHu8QFmwq+Tf9yY7XIxiVB4jtQI0ELzv7Z5xzYkGu/z45tlGtZkPDQp3VDW/
ts+Y2YT6qhPbNa0L64ZetdnRazbJJ0BoDoa97h1AN/W6YGr4cO0NeRz3tze3ji0C9L2zcF62i/40/jzd
I6XsdTs3NrdYBVnxAaR5SKoSfTy2yV28D+e30NFLTqjcH/EdBFDW6mMzvlD8eCuWfMN3mYyG+THA5iUH
UxRuWLl5U5Bibvs20z+QNnA1mOAiMhOGeSTdn/VguwvWYd9xGaXCet5sgmXZQcjjqv4eFg3tI5FLFZdA
UzUtG9+35lW18wBrk1r/T+AUxPt2747rJe1glqRuClf1aNhPNk4uPYB5Yz5KH06vbfY2I4UN2oudDjbi
wyUyvsgCQR+lcQ2VzvJ6uakbirZcIFuC9ebzqUBSnehX7EKMK23t2b11rJj3DzhbpXGs8Zd65SMT7Kx9
xNmsg9i/5L9wG+jQ2rHzXECtpQV3N/39PV9a8ECfa4cV7rcWymx3Che88XS07RQOI3MRmZlZlYLbMati
cDs2zLgZNYfr2u3G4WDz5k/6f/Xo6OZ7w8M3X6+gAAdlN4ZIb/60T5SYmZUexPfa3aiZzkh400dkGROc
dlg98HEceLQ/1kW5Plip4SB5GL/xADeq6MGwKrEP4fxEyGZ886d2fdrb+P6ECqnqhsHWzetwy22tNwPo
hsq+wLnLfQJx0x7CDqyR2Ec8CsHoEaLe9C8Q2YAWrcfL0JBRba3zhEJDe+vmJfoZ5pmaMcWIfFNu3vwp
DN8jjJbYxgD1oS7lSrfoqJGwWg6dhDnYAmENzBDc156HSQuEQX2Be7Kh4fegpXvz0rBrrskjyKIMHikj
MSIALquI2sBK4QftK3t24gD8pJSJtmMbJ4/7srImPud/l540aLz/SmrH1kcGJf6wNlLT2J4Lf1AXVXkI
+PHQnIlkhdmFRJ4A1zFAmL1EJ/brEnFJ3M9THLZXr1JRt7RW91gBu+b7a4iy4HVG4GHXhL/BUFEjggHH
HdmbZqVkeKsKRS75YeXQ4zEDRWnwNzxLzT8YeA/fvHQECQPF30aD0c2frsLAsPcfhlAya8pb+5WOKuG6
juE+IQGCBoidCvKC9d7Nc0gSHGH/SMfOv4d5xMwO4q4DzGeKc6A6ckXqKfYE/GLz8+Ylc2AGiPSw30gv
QlF4rDL4V1LntR2J/cTxsH4abKn/mUeocX/auwOQKY/YdVANEtcDWKVeqYceFyxp13BdESBblpqm9qmb
5xCI7N68BBql62Ng3TGjAk3qm+cGSH2vQvPGVi72XbN7YC+bg4D+WUEkBspOgJ2TvG/nYanxh9+FfmQx
8+F6KXr2gMYZZhfjnUAfajw8k3POnIMj1BmmDNgjkJGGZNSI8W6y/5RoAjrl5jmoA1Mpu+LyXR/b54/g
a9YuW6ZQPA5138aeyc6GR5ifuflWifwI4M6egFK8reJJwMqonl9sRJm0dWmLF3BpPQcgR9J/FuW38lyX
zQP1T+nquxc+vPzRCSjZ4udHJz96JukA20/87WrC7334vD6XlHuhxws1XeoMf3TKP3eN14S2sK5zVfeB
8i0/79ez/+v9C1Qafsuug9ZctU/wb3yWir03qMd7zVrymKsQvy9NY6oC37D26Oc13Omj42iz/YX7S//4
Pb3/0XfZ9if9/lehDuyqyW+7BrBUey+4zu8Ftv0t3pO6w/YNKAI/B0Vf/MWnPgnFZbs2Wo7ne5fXwPcv
83v2XN4+a48+Qw1ltJ/tQPvwChWQcZ/vfPQ4++k7GA22AvrBb1u7pZx8mVd7m8+pfrpovz/p/fUex+eq
PdsFV2x+lCrIF+xbVCu2327wiS/4uHznw3eoz/xd6hVfwjhR9fiS9981b/VJqku/b5/R92/4817wn5g9
x9mjV+1anBd87RnMG84jKUVTs9nae5U6sI9JD/bWWaizfnyKurBSjP0pX79ARdTHqH77hp32T0vd9tZP
pK4LCwBarlSLvfzxCdd8bVVo8c2n7d0n7ZW3ocFq70tLV5qzr/PbT0Jn9tYr9u7P7Irnqbir/5+jeiyu
8hg1ep+EVuutK7eu33rH2szrugLwo3wH98dV36QC8GP2qTPe/kdvvU11WWgFn4LGrivRvg5dXbTL3nsN
Gr1oqf18h8qy0Iulmq7aj1Zbi6Xi+5a1/JQ/7wko2H58ktq8p3i9i67K+1Mo5NrPN12x9mn2KNRwpXH8
UyjJ4rtU28U330B/2GdfoUbxU64g/Drvfc566Br74Yr99bbf45J95zH1J3R8+e03qb37unRv7W4/DR1e
qvNekWYyx/SE7u9avWft/RO3rvC66L3z7FuMyxlv3+t6n+rE0DGmTi/1d9Hnp2QV2mi94v37JjWbX/cx
fRzPQ/3msxyZU9QfPo/fNC5f8P/8kv/3l/2/v+r//cIv/fKv/Oqv/fpv/Mav/9qv/sov/9IXfnPbzN/5
u9v/3t//+39v+9/9OzPbfvMf/MN/9I//yT/9Z//8n/+zf/pP/vE/+of/4F/8y3/1r//Nv/13//7f/7t/
+2/+9b/6l//i/7X/xD3w+y/Zz1/2//+S//9X+F786b/9pv/3C2zUr1hTfu0Lv/6F34i4lqKsYKBEhlzl
ExQr3twEA2hih0/dQ5SF4kow3O86dNfCMWowEVJmjgJomuB7otJBNdpo2dnVUDEvCkut8Bg3T87degSv
AZIddsJhNj+DMedlSnPAiO8Uztax83qstAyTloDoDTyspbBF3ZvIn5Nmbw8xocpFKCCbD4YgNME8x1zE
L410haEGOxqOmegH6IUZ/E5korbA1AdNCCByNcNzyK6sZh4g2EuMFCb4RHUMgA4o/CKmzUyaPJftM0Rn
4/tIaVB46856wLzR5NsBvIz0W0NMGxzofe5YNoGkaLpwZBHLbkqqxIza5KgrDZgFQ5yVGRPELQDSb45t
jxFZV8NaWpDWJ6QLFXu02zCpaa21EbNmIP2LV3ApQaceqbpxiy4l6/rgjdmzEFM32jCfuW9T5wFPphXz
a9ayZnbHIux3Ps5mva7xKvswalZDos9cRimmUNS1IZsG0nxwP49UQrLB/UcwBYlHpA6QGJwonlinSDl0
J232IDatHHXdbFKrBp+pWGXdzLV9veoYQ/flliJv3QCiNMRtIzTl6mg2kdbWEKtEckth9mUyWPG+wMX2
y0IEGkHvYfLB0bZ7OysxyszcHYXMH3kz9hlAOW++XtbNvTaxJ0cHA+TvSnncDsRpbIFQ4GeGbAbc/i6z
ZeF7gyJHFEN3v7kfJNNAMw4Xbu50nA8Cf2tjXHB5xkPs4VqG3hFABhVlxQpGhUB7p5u3pqr2jgWuEHPY
Al1VmYqZgDw0ZNlgcD2/UPYkfkvZQMcBON2is+Cg/Kp7dyyrLTCgDvRHsyinwqDyuO98UrsXmzyjNKU1
4wGbLMQOVky8Qr5aSnpVd3R0UECxoREpZiSsIJnrLnXcWSaHvF+ClqM8Z/dOIpbJih4qRT9iQhA0efgM
CBJThxTcwnia5m44Uyt2gyUHSy5Hoty+24yJ0A0+6qII4XadL1c+E+AKMf1rbpJdnHn3TRKvmgBGzdd9
YgkofyYM0P7Ynx28NG4CZUM5F4j/VYF3akiMwHD2BSgHYXZdQpucNZLdJVV+BfBmpmsmLgnXm4DdyTGN
BPGikAIOUVJ6TXLZtm/Yvk7dFHyBs7xmxsquLB1OSDJgtSFES60nPCoAhVsbA0hRVpvWeVtVgIMaopoA
o9gR8WZI8vHKSshRT2pzsIpUHEn/nH7HRtoumrFnBT26jjS+0pBNOgP8XqAP1l3OKGsz2B0roVNuG7dt
cYpiepa6G/CqJvLnM824UcbdMxjFrmarHuLk6kUufGazhmyHeWrKkluPuboG4slgzdoEkoSZNd4DXg9T
ra2C7LjLMGPvFcipi02fO7aLalG9VgNGAAQeUOLUSOlDPSZIK2Mc/V/xYGFBpD0lHTz82i176zhpNzYD
4NQAk0JxZ2HD+xVzI+OhwFpYBpF9URpdeBinpBHYp8zTbEBFBE2TwSDx/B2MSq5uFIEW6e6MvOg91coQ
qoZFJHCLyCTuIeQBm50tQOa6cfiCQQdLpodIxd6OZuYqlFxLHUD7HDBXyB6CusExpxrfi874A/wTWeNA
2RSbBCjYUUL4DsVZ19Y02SIyuc1D7NTx4HE8b3PWxdJIsC1BUhxYtx/dGARO0QNDjXgqNZx0pSqZixQK
EhPgCPa0rtR+a0ACPCA77wItsy5lByQIMhfWQqwzSi4mzBM+wfBTZOG6EAWmwbEztsiqjzECEL7nc8Mh
bsAoLEt0KpLmhWvLVt0HPBxcxGm1tAZwAyyrA44ALIpBf6U3HppdN2Z2mQ9Yb0kLpKEWWXG/9R9ZNOXK
QGaGq/s6vxCw9QpdAPNCktK2a/UhfkCUX/cI1SibrWMO/F/1jbFrRunejtkzHUfYsUSFRG2LAEd6lYvB
MNBijaf7qu5BoPfwhGW3y4TUbMyRwkP0Fakt1EJyoxTa0fYc2N4PxvYO7SLrFhbNGlHdLVTdug7tGjZf
QVgdjwfdAxJVtH1BW8vTqc6Js9YC8IzAkj3KSg3xEEJB1mGrHaUiNXQ4ji26kONGBfF7KDARLjoeRvat
igRf146Jsi/dBt+akLurgQNlFQK0R0xkWxF3Oaxn4nsvCytA8MgMMwlYmolOSBoxT8JmNSJ2gZ3vKN75
2E6X1ojGg1QGVjcEoSA/3lBYigL5NYj34AfZEVQEaoaoHAie8MSCQQ6LrxSwVF1YjPuuAWjr9DCFNjqF
y9dFsquSPAs1pTcrKk8Fbmmygp0TqY6ycO1zjg5mJXaA/mh5aeGBwfCoHbIwmYku4jDZFue4Wngnw9lA
UsCeBzJ74hrAEGcayUomdIvoBj9u5r1aAjZ8eTdDm1hHOHBAUGiUzWUgl1FcSsjVS7ATDOYVwXRKVVaw
xctTyz6zrz0CiBRCeT6HAu6rhzh3bZKR5wZeplQpjlQgnKODKxdrqEfUevHMFk4wicZC9qLHLa6LShzD
wVGqQ3F3By1LEhM23wJ/22wOepBMqRpi8G0Poy1KSxzymmRYEny+YdYy6XLUW6h8Q6M0+hZ2YaqNAo9A
AhFZW4LwikEGBRAm9THK3FtwnX6Yl8Jr2sXujnOZAmqY+Czv12iKbtKJeEjg8rJHkXSMP/bMVVho5qhC
dHgIk0b4CElbAS7zW3+0nxqQnWVHYRx0cFnhKgu2VVY4r+1b88UBaigh16ZOE+FhhBSsoITzwkAJFEVQ
YuOi2L3JznBQZbPR+B+5MI6N/07BbNbcyEauEJ2wXo32k01Krx/jtbSgxOIyKVCbTnauJckpi7qR0gBN
R2CBaapxv++PqHKI9J5gSXV19Ou1G29m/+lJpcdgZwSelmoff2ib3iNj20tnJeDQm9Amgzut9B38OuEx
od5zxLa1Aop6RzRtvl4frrcwW2VdEFwiSbWJrI6jIIpY83HSRx7aAWSwD6XVXI6YQOMpQ3WkISidPcn7
ONuddh2lebviXMEeq1wvcDlSogdoj+ERDkn2lGRXblJOUNpsSObCgXEPdh07bClMwdOcNjb2KYTs2TD0
iiRyMWsxpofC7BG9ATlFbMKYPX3b99eBGPKEum0OW+CAARNJNXdKAvfE/JQyuF3w23Guo8VdiPdpKmLf
KJ1i6aoqkHdXEryQrifkNOzT3PTLwjXAe9jHGsolMTQzWHvQJ23h0ke2lunf1arjtImDw8zcHtc54SsN
zRKvhkI9DGras3CAzaVvBhZTVGqq9K3rXl7SCYlbJiTNH9xcF6CGWnOQ7IL9De3JSvVn+PVIkuMkH5Wb
Wyiwwb0Xg/LlIWV510t6SSA2q/oGBEm6RQnWIEZs0KcELgYO3/o6fDRngNMWFR750Abt82FUigICCcRk
QOUdQttIh82+tT9sv3iurotWV1iLFSX7lwLZ6Mi27TPuxq0CIaejJEAJyyWJ+vZ7UUSJB8eZAgeyRhtp
Z0DYXXIRUlITqaBQe2dgXUfTFIemNIexM4ptDhWAIamOzdfCU3APyPb5dTLQRhV1ALBEwVDUIYlNHRd3
rfS5AIB0lv1ehI4rrFdJ9NGWMAtacE8A2oAuML1Ks3KRB4YNu38DEmA1VDvEHLCZSoQfNNqaGosZSXs9
+0zAFBRDo4CEh+koIFOagcE4E6MQlJg4Agccuul2QagwHkY1A6xpkEOi4IBZuZA3A8i9DOjMktkRPWg8
qIWb0NFDANc2mZkZly52Lb3RQLQcBK+cN9EsB4MoLGGHdtcsFTXe4lgg9YdhYkVb2N2lA/d6pPz6tgMl
rKNeY4vmrqtU7beRXVmp0AW+bwRLpDmKqIjZhf2IVASVdg+19FYQ35A0un3DBeyL3TCoEBRcdkurN5GG
LeYkdn4c2wHgLoLRRpYxmxpxl0JaVdCyqWxfQa82ERqyPWu4b10AaYV9pCC/tWGWWnBJbM6uA2UUJIy5
NbPdGGKiwQDrI3BKSxCh4jaItcMadhIsgMVIg+FwBTKAGdGIKMJuwYYf0Z456RzZAx5kiS+dgwiam01C
Jhcs4DjEAzxtloxGYHnkCk6gQWtBBAC3CZ+oeyjsVYjqcauMQdkrNQtAinH0w8hxyVSorTSE+iemgd3C
o0QRo54kUO4qt0yIGHqIyDqq2ye/HQNH9awiqH4x3F8ixx7XKYu2CpnibO4dD4aSkQI6BuKGNsGLSDdA
zYQQrRnZdaPusuyNgtLXRMnOmG2x6tYFlE/BK48g2AgidyizIGMAB1uc2QGSWlpy5YZl8bOtDYHT6QfQ
ejlOm10UuOD27hy9OQa+wWDmIU6vxgxyyuWqehd2LSdUzjEeLZlGQaeLiMHucdnr3mQ/j087KXBBye+C
3Y4+wvTjUYu3aH4LIkgzzJUxoMPTpOFGuD08etQskRviYtMb1f22VMabFAuG1JWt8tmIi22icEEzGJVb
QcMsCx+xu5AcwBUlH83T00tSqGCLNRGqyt/CcUQyugwquxm2p05Bc8NsElh56A3Hs9aJUdS4+MPqIGKe
RZCDSmojiGoEJSCblCXZ8Kwb4ZBL1zStR1yswMYVAb6PdVFIjcZmiODxjmukuctYOPZdTgC0cHsE2Pe6
UOZ8t5JdXQXqvFAwAbuEXYe1cJYWnHHinaoZDmGSihw8tMGWvr7PQhH3Hrr/PspCwHed7HHt7v0bCA76
DsnDhEpkyOCFO1DsDPSqH/Tm+gZ/D5QbUmvKOJuIjQO5ei2SFD3Qtqq/fnlsx9hofKT+60t/9Yz9iYLZ
f/Ws//K31x7726s/+NurP7n9g1dvv/jGZ2f/UoC9T8/9QIg9++X/ef7F/+vyuf/7hbc/uXr9k3ePf3Lt
yc/Ov/zz8z9Arfo3vv/Z+Qv44pnvfvazFz599vjtF5/99OmXP/2zM59c/5PPTnz/5+//8e0nP/j0xQuf
XH/9kw/e+uTa937x6JlPn7j+86ee/PnpG7e/+yefvfzM7ddetBc/+977t3/83mcf/PknV4/fPvfq7e+/
+cm7P/z0/F/84uwzn7154uc/PvHp69//9I9/+Ml7P7r9/IXbz57/9Pqf3r7y5GdvX/vs+KlPn/7LT0+9
8en505+dP/PZ+eufPnP99jtvffripU+vnrz9J+duf/+GtefTZ37wyfU37JVPT7/+6bnXfv79lz678vTt
v3jV/v25Pc73HsfFP3j59ok3rc0BJ2xs7t08Zz7DAKYbJnK5UgK2jQzJmCC4augYsG4CCZp91RPMCbYW
8rY2w92psSU9JsJr5eZ15HTJPhdaiJXaqRIg7wbBWKEHHX5adwdhvA2PhJOVkIQAXgHUR5kUgqH6MGbJ
Tde53MIZEy6yqT3ANRAzmtC71THhd+I63zxX1ps3X4Z9ESjZchjwqiFzLkBagm7Pm5oZd/Ona2Dpo0SW
Y7IEIhOZVrcgTg4z9eUeatU7/9w2XQdQNR4xq0vb/pGqKBvnbA8aB2VF1VrreWvMzZdXR+KVEBjpfVg7
ksxeQS+zV7Fw2NR4Ckd5E65GGF/Zc94LlRfsBWghULUSXnoJFac+6hn2H7HmV49EANm8/B5nSxkwvsbN
MkyBIZCVfSDxXmYmA5BcYsTQZk6SrdK/FWjBJmCS0fODJopqn2RJ7A+85DaKjp9kYWwVBb/Kf1/lu5f5
1gV+7ImoRK4i5Sf+9vSf+1v4/Bv89zVW7L4W11FV8mv88HNxneNshm76GptxJr5+ultDqWKw2ngJcDTp
wt++epL1y8/wM+f5+2n+/jN+/QKLo1/li6ejSRejbLnu/njc4kJUDb8Sb1lLXuArF3k7Nen5uJeKlL/B
eurHvan45Ud8imd4R/XYxahQ/gILnD8Vdcpf4/9Oq846r6BOuBL1zk/xuz/gTc/FXX4Q5d7Vkxeyeu0a
uKeiSDwHzvvZOuqElznHWy95b+MBv8NC7M9HJ5yKe/0gCrefZm+kausvRUed5IfVnu/FTc9Hj6nlN2LQ
7c+no0r9j+Je34su0gVVEv4Dvqjevsi+0nx4IwZaj6O5eiN69Tg74Q027wxbq68/EQ17HK97XXnNZ81V
jc5TbO25KGN/IZ7iRZ8q3s/n/bnw7ln++2I84Ktxr+Ns/7Woaq9G/jj+1IdP8JG1gk7zxTRbTkfzXmOb
9ftZbzDa/Awf4Uq057WYWm/GTdXUNzm4vJG3+bjrd6DAF8rHkOwS2fXtM/sDx1I8XB4pRVlMABZWZpOa
xdJWYHOYWGPJNdhAqt2wVMa7UpTEFuZ1ab60azeufFBXDhBQA7WI7upwvLkCa9I2ZLOugfR5BLtTT44q
rrIfJV1QIbN0vY2aSGgP/TygkFbNI6AvW9mj2fZbP72r+GiZPfnSZvAsOkVKYkfFRH2jFKjEq0yYmTiG
0Hxxx9f27RwmtnxCITUIOiiSzbbQUf56SQ3i0aANvs0XyUisySDANxBUWBkio6H8LnU05W3XSXl3b+eL
gbmnzpsbcm4q4Hmro43KIrtmCPoKidta2BpVp6q3DqURfAjFrEtHgG2VjFiPezGW83SMH1yb7cBV7hFL
4ulr9rMnYRtV4INf+NWUVfxGwoQx/W8u06DbHzgldokRbF4F5Di5pBSF2qI3C9lNu8vezlIW4KRzgc40
Q3meprenxOwq+wd99+noXsH/HWHQdtLCT4lx1LQYi84ZKRM9kZ0z1lQoZoh1PRvn8Bx1M0tfPcOoIA7g
CN6+M60ArzCJFE6fA1A31SwLtUC+OmWgOqGy0ikcxWDndzLpFxJaZSZqj7NlZucB2751bNFdzS1zGcHw
2JhEYnc18u6SswOYhhx5Twh2txL0A0JhUnqNcGLFOMEKjI3JxmQLo9GgJBez0bM7FqnSxRA2USNePRga
nXjee9hD7NPAoHUoaLnlKjCujwG+wVjcvIjuok+RLRkpFyoxxW696flEmwf7BaQKDiPSPXDiaCKtro63
NKwDOGxrpHOBI8nS9sOBo8ycD15LIQEkB2iLxC617sCcerWTmEysIseyVinHvtCtYvRX01zbGkMZBVep
etR+EIvYx4PVbAUY2Ao/nhsJ5yRZqWxBchW7G7tj5UFRXKgShx+sSq2T06BB3HaFueAvp31yZuYueqnF
KOUJ4XHU8v+QjiE/aeSxnBF4u5u+BhmJ4HMspYyAwkqIGT2AAj6siLZSTQYa89BKqrrOCrS/HEkkxRJf
C1IEqPqdhA7YPhO6KIuFY3TI6WTZYrBOqe0KIf0Efoq4FrSWmMFnSx2Ltn2mSJCPwGMUhSJofLYV192l
Kp3CRRT9ZP+FZkHVf4js+TFoTciYMlEPrIT5MeCDboZ6FHEhzICWPQZ2wOQ8VjQg4xZfZDiE8QxXbYD6
Zb9wWJGjEh/BTATgEYEJsI9Z2LKJKBsUHZB1w+Mx5klA6caXYm7YbuE41dkU1KaqKOYRTjCWj4cOUce1
07ueZh5OiHTbEkYoduq1dv0eS9ocgkOsjXuBoxo24KNBaWy8SXgJc6ton+IT/YEdinbIjhZd/wOBXSl+
1STGCTfkVcAxPcb9iE4EoG91kkJzEBFHMgWDZPszqykPsX5lmPgcpzpHb1VBaWozcp33bHZ6IhtjSbn7
XQlbHIAn23N6vbGyh2tQPGZ4l7OPW/9D2s3sy7vTd7caxKNxchKZxRyK6KJ4IpvZeAGZ5wFrAdgGBhnX
imsmAY6byDP0JssJRDigWjKUjRF8G7J3601iZlHce61QIYK5UsUj7B73JUvha/3AYSIOqmTjTII+1wo+
2rv7B5EYJRiApR4eUuFTYu4oC4QsZ6ARioMRhZ+TygP5sILl2FW2p5vA7hGAcyQpVmsf5hfQKbYPKXvv
QDJdWfq70OP5n1I2PKDLq5CcdHdXQV/YNLG6lxaSXXJHbcbUrsWiLpYCjrtKZJPALwn82ygajPUWake9
yWggnV6issEBGyHcvNPFf789EzuW889hq4hR/Qg1hCrtBwCx89GWfc0QzzHwkOT9Vdkn63Yu1kIlDAI5
6Ag4q3CGMBkIJR5KViSgjMK5rpTN4YpabgQ8UtbbY6GMSxYeg11KqUxBDjDXWCOO9hUCDRuVFI485d0o
eovN1VX3bI9QYquhKChLAEMdNuWS0hnffEU7P09sx6+F5UF1I2w0xPygFylCs62dkwgosU+XkwOSMP8N
w7ZMkkSGp2ruSntYAtM3ylOOWTdG9FH0SeHZBUoxUmo6YYm3MaBAFIybp9g7q6hT2iKZXOubo0OWIpZ3
gnUrjY9MTkI7F46GsY6+b3zMbDfrnPVQGikRxSk0sZRZQsatI2O4s2PRgRRHS6HRWMmdFAozv/Z2BJu4
G1FjV+ix+eU7Z2/iEDR4HYMtP3XHaT9IzIr+g9npEnvsjMNUkRCmnUitXyJ7bZLDpNE6csi8beQqV43O
35dm2BpAF9w7Z1Jy1BEhDPmDD0pQ4u/GLqqTriGqqOcemmBO9N+Y0sY+PhvzZTahghsVgsCukPIwzRI1
aWFC6whCnoTqKcRyy7OhlCOzIHhflZp4+vktcFoRWEbr5oiDzr3+H3Zvyh/jvk5JeQS23pqLDFB8mZYi
dla7uu3unH8IXFZbARIqqCZDMVhA1nXlhHP9UihPDNaaow64mnfvybq/z6QB7I2jQ2Rz+8XKJIFpmgQL
3Y19pzssj5a9td6gHO2BmG+NkjbEvST8eQvrb1RJGyfSXcm6XkENMVqqW8lHhC0gkAHtqz4J5a4iCZil
EyIKgcawyrDDCdQHj7REDqV0XbUe5poTUxqqUdq0J2hYp333oeSL9+qYOQflOUC9Sy+Y2YFdngZTk7CJ
rN+nIgz3gcWsCAGS8YIKqBAj0+VEyAuiIbxWd19atSnDu3mfwJyD4STBXb+USCuoPux2DjzNiiOovkdZ
vrDLcTdobKAnCUtcMVcRiJqeKg0dTPa9K/lZx0DazE9dV8foIOFbKE8AAWZPSgvNVAlCS/jQnNdJ40x0
cMfMFqtVAs0hGw6Z55QPt7kWGnLJsCxaclVZIJg+JEnD4eAdwIVQAEsroE/L13ZgV+RI2ctCSHvgQhKB
oVClVB4HUrUwC57oprJYq45CP18YJ80f9J9QyECzJGTE8j5UpWdptiJNCe0RFIR3TcyKCsc19TpSFGJG
MX/k6YX+xz3uZsXkolpfT8BvKBsgHWs7yEMpJrM/WUEBIe4spytvX2ghBarEZDNi58NN0z18x44di151
hb5Bq26L9Qmf3V/BPQKY0iQMclESog89nYStNMsc8TvMqYdSLMjOEy/S+VCKFUhJkDGFiiW8rQVeYoFg
laOsk7hRJWBxwrMTjA3Rn127dkEUbVCsg2WVPEjHDMAep9iKz3YBrLqNPcFOABLXBv3D1YR7yGLUXd1z
bxX2qYgiLAEcZJRCNWHpBw1Xvah5WFpHqgTqKBJmq3B9SlhGUnpE/ERVQeGRMrOKTQLoPoGWQmFn2zb2
PaIiYV/ZRHX9O6CPaQMhr4MCE5LB644rr3Snks0YVVhk0vIzWwoSTw4TUzkuLy9nrx0KktIc0lmyn7/q
ap1lX4gBkD/uTlbBYRtK+XlpXQbzj5GxSt8YwnNdB56/aRmZ8IVq81uHVKbcqkGgkQYqK4b1u47qK9Hm
Li23wA77CsDFV5MPAe4O4khmbbpHD2tki1qU8mHp+ZRh/R+pVNiZmjSusdubyFNCqMdzctY+9uQqWkDf
lGNEK9Lszmpkq2esdcZjUQdzcj9nE51qf+aHFo5y4AzjVoUiDSO6bTZaLtkUsAtMQV++v59grzNel9hG
FWejIouhDVSUnSJoBvfVlfUFFHtmEvJOgHGiETTMhGJ0UTxXQMhKT8ldXuXEhuvjyrEktgRowQdQ5I7G
NXfpaQ435f+KSTHegiITELjr9CEUhRisJRQ6dbDlp8wnFNmdQkRw9K1XWFg8sSpZkJS8zKppz99gpM2v
qogzoJv9QnXBZNDvPOpzUvbAQYL48eRuD9UwRXx27mHdUBRwGHg1FKzXB6qjxf8KWFwZZklTJ9ZnN52r
4+CNBjbHtg4AEXnAlhEBP1IR/QcRb/Fwqfq2XwAoe/xgtcIWKbuTg4SfOLaYZZRifTSBIyHcUJQOmCw6
rZKlQLtzBB8RzAbhuOaKUGMS1wLnfoLKYh9x0UnX8Mb4AhvC430hRSHWq4i3M0EjH6zqydKpEgG4AINM
OxzkHJNYmdnAe80gI3CVw4WKcTVL2kH7RSBx2AcAHUBvkWsVKx5I4VQrT/6M9pzxEP58KIZysnKPdXAj
Ip/BNikSqXouMjXcqcfaDwivI/Yb91DZr8TQbhJIrbhL+y4QxgIV7t61i9Bp3txLmAUmhgrFXjEbG/Kg
8FsnVgOhN/fA5tpwzDBqFbqSemcZVbdkwkQUp+y5H9Udb3ohOSz6InY2wN21+osEb04c23kkJHaS90Jr
rlfaoeX4InvsbqLI91RKryhHUofGZUqWryIIC5vwQMUGRHYUPl4oZj8Ei4HAmTyZEjI1eeBHKmHnYGM2
2G0pB69RRpFNL4VcwKZC1RTMAWhx8soofk60J9AHgy1HQQqJrLXPiVr2BaTGOcNcDAOAybpR4USWsFNc
iqrEE+JjmRiCQYF1wOLjLFMqwhTeXRkGdN3jrHAxyP/gLrrqcTgW7ml0FZ+TUnwV2AyzHdVtoIaPmdaF
doAKPWudrwo3u6vYXW3i/4t3ppjMQgpw4CSBs0QH0jMSC0lVAMVmZBeOUqzAds6RbS3D9Y1ko28P3djZ
NelroqCj15tlhI+2yvaZwryEUtGmFSHxYYRAI90pQapuwBgjMZKFw7wwRvtjb59rCSegYKN1VP6mqTNu
kgRB4bhV+2U5nWqJn77kQTOUvkMchdC1eZX+6ywsQOncc6QUugPMMdTe7ayFD7ZaOutRCPpuEUDDfso+
SN8Wyod/85O/+eO/OfM3f/Y3Zz8+QZW3S//nMxBQGsKthL9fqcImdxrCcxp4ao5ooqqZTVeePXx3vFL7
52R71a6GRiRNiwxq0s5aqfYFXkuoLrA46f5i7jswC/lGVyljdIv3CAhvPWDVFd4tuGb1gHoHastgxcFX
iXZdJfBWwwgkvtAoH48dOuyXVLODalrKGDNrbrYBziMp7+spFQuqUcurZ89jr65ApxCudyn0l+BWqr1h
bQ48WhM6dKD9OGipceZf9UgZogpV9AvgV9b8m5dQdCGJS6DeizXTbJ1HFIusmXZ32Jhnm1k8JW28a0hX
SIENHAlprIWsQsUiqXRZqFd0hUpEb0ld6qOT/hp+uwgNpg/f++g5qihd56tPUBMJulNv2c937f3LH96g
HlPSpaIq0nX+hI7VB9SZejepSV1q9aik5MS7vBPaSR+dTO9CA+sqtZWuUrXpCjWw2FJ87sOXXLvqun3m
bVdKcoUoaVt99Jy9Az2sR/WUSUfqmitO4Te07zj74D3+K00vaU9dSwpZp5IG1AXvDehlvSfFL3yCLcS3
vM3WllB5wt0etZ6DwtQH/rxv25Nf4Hevxm+u7yS9LHwPqlTtfdH6G+x1tVmKYlQQ452fYF+8y7/5XXvt
UbxCJSqNyLvU/pKG1NvpOS77qMVoPUH9q5di3PxzV7MrX4unpuYW34Wal/Sp7H4vU6PquiuOQQvrvQ9/
lO5xnSN6ydt7A33qilYYj/d99EOV7Kr0xzCW1qcYN/ZB6r8bvO9l6of9iPpZ6JPTcV/omaEtPlLSJPsg
Zo61ECphz9nVNJbPffS4q4edtG+e5DXepsLaBSqLnUrXu/DhX6TeYFv4JDEjLtiTQ9fsGY7RBVzLR/k4
nzY+p3l2nb+7qpeN+XuatVI3Y79f1W8ffdfnxnucR5c4d6FBxvZRrezZpFqGsX0fT5Pm/Xtst+bu96xN
p+yqF6GidevsrTc/furWqzgpXBVMP6Uhdg2qUFKXku4XVbhO3XqDylpPf/wklLbsc9LDCpWx+O4Ve/VV
6lWd0Gsfn7x1yb9xzfW4zkG5jApSj/HEOovf7N+T1iqodb1J/TB8421qT0FZi2pW9u47dv+n7TdXCbMr
23PgKnafd6CqRY0yapndum4tOItv2TfO8DXoWulZoRl2PvXG096+t/xzJ29dtv/aM7Adp5KmGvXP+Pmf
hR5bPBufxvuN6mJSLXtUuma4EpTU+GzooTf5PD+l5tdbaIv6FIpo9hoUwrwP7HlPUnvrcfvuKbZGCl34
3GX25CnrobfwROwHqsDZ+3waKYlRse0MtM3SKOBzl6gldgpKZlAdY9/jjk9JzwzqaP453O0N9YSPtLXU
78bWuLKZ971r0r2exvgVzAyoxoXKmV/lPMeS8+/Wa/68JzWKVFR709p+yp7/9VvvoIcxE601j3Hc3rHX
NcPU55rJb1Dp7G2Mu/rePvWmK+W9gxnT3Dk5VK5DFWlWpUaYIdzdghbm1+s1f1XnMoFvUeVaWLieO92d
NguWGGMw/iXyZaab8FO8WNU/Ug8HRKd4jo2wGIRktwDIqogr2uyWzcZiYpWDFuGpxqUFpcHpSSJm5ulu
T/4Haq0aMcjMyP4Gi2S32eg9Saars7yrBfhUEiGA5+AAHwFxwF316K7EeWqVw3G/e59HNAlrCmgIdYS3
3IusRl4veXY87M06/GITT8F0SCNMz05ILdMJYUoGZDWa/HbdHW0kq82zN/NfeejL36LG1reSlTSqlLxb
gph2m+lZXGqzJRtmKVl3we2ambk3aJOqFyOoJMJNe5BUXlwdJCSj6i8Xyrybiwqzfm9HohpsOsIy/1tV
wipPQiVVd2tjMHKRo1CQQdihN1psxluANirxA1zO5AGyo2jWhy6Tdd9meUz8vb2dxhrxiD5xVzvcSWWq
B/V+F5UplhaiZNPyaIMRvpV62B1WSe1K+DXOM4xU5Bk9glVXDQAjjWf8Uqy1mdmWPJ0WKdINxhv8W1ci
Q2jYderq0OkFnKD7v7RTro2BLzLYS1YyCM9RvoR9pjhpeP1ruKLChuZ/71tbZz5ipNCwO3P32+RCZeTB
cLYxpw4ePFExfXlsK5XKZLkgBgUVShasVu1au/FSCy1iZEWUx5olQxlCq/tH6Ghag3fMr2uKz+6gGU5P
q3dXhYpkjCt0Wu+wVpCZnXqsjHyrqiv5qwh8aJG1wQWFI+jkRkUQ0ncDltOspFhlgcryvsjuatdQ6FbZ
yppvAUACmgqhmXCAjacgmfJ2VBg7qj8pFAfqpjhTocJLij0OCA9AyuV+lokokDdaagGu7b5j12GZbFwi
GDLcQIoQcwOdoy80IiNJClSFM4eKcR5XAxMPSXn50klvsDdhbUGbaP3RZGeb7IP4ug+syrRydqD3bWPp
gRs7AJygj5lIMGXN2IDQiAQ5fdUmS424hm3bRcI5OSQM01O1JDyBTwiBj3G3EnmTkJRmuLq3s7DUwhs9
xREiLT5T3VNFZn1pISX4onwi9oeaalTiLZMcSDk4HFSrnjvwfEFVqEg1g4HzOtAeABd4fVir/l21r913
UgVLwJQZ+yb7UVE9BtoSb7aYbSHY6F9PurvIzu5du34bMRTXvFhqIQ+keWKU93Z2zCchobTmB/0H+5Gh
KqJgH3ITrkqEAPRQ+B3RDbPEgiJn1HrqlTEWAaZoDrTHeMDSOX/lsbMsZ8GdnSiflPFuN67dbfS/UKkc
XmHHoi1STfYkCIIah1B+Q2n3vgNIETEC0rmv7TOhwjvLLU6fwVcv34QvOL7ht1K8ZXHr2GLhZ2eUwUOk
0XMpjOduuj5Et80LFA6gUza/GXjIemnjf45h6VKuYlV95jICK5OWfdDyQbEFFZH8PyqBQcXjtgBJQ4St
XP1v49oPVsXDGNxlxaKxUIvCn9iv32RpDWDJ9sQBUACNhEg0EDFVy9XoclMAogeoli62NereJCB+cM44
gRJyfT5p4vUmB7LNfFSE5qMT5yaMnZKRD6ihlyXj0wPrWBKErmJ2juhWKIbQ0WHkzrDe7C+cIBgsT+5y
21SsEaFxV7QpKblD2yeKeSAWmlCRBQq9KDjdRLVQKWR4l6gmHKT5qMaRsmeVAM/U6yxT3DMS9GYQ2ZSG
ot8A1aFUbVQAoTWvLcQotoabPFyhK7T5s2qFNTXwOs2AN2XTlTIA5TiqdEIxh6hcUuij5g8hOyyWzn6Q
Aim6+sDBB6NOEsVvBkOA5Np0ViF1EaqJeMEuipTaR0NAjYxlTss9SepwFhOOXWK2sqPGYyeQhNDCw00U
2rCLBSEakXtgvXDnNi4MaUc3RtqjbsZj05hc22eiCM2Sw4IP6dzcqrXvALblibkomwn5mEAosFicK3jQ
IOoLfiixQuVAieYS6GpQNOWEg3B3a5SVRQIihUYqjroED21ci4O6PslkbaJqnF3hXhX6wmqKbDxTY5IE
rXsTKaII7hpyO71J1AVDmhT+QElc5Zrv75i/Dt+zr22I6iCwWUDCmqjcaustivfYwHL5yyhrNrB0RHEv
JVUKESAmyfhy1BTDkiZIkVmpTgszJqYAG2izhxJ6+prNdUn/bVQtertweVzkHwY88ZnvpcZBNJ0VX6WG
K9AqsrsuqWbN25A1CY0NO8oPeEG6Tth31qp+yvG2YElOGCdbzMxk9mSSTG3PniVxF+4+QsiaSnXZXTsF
EuiVHV/fQJnHWk/BsmwO51PRJywaZl5rvrO/PZ2CG2NPoUQVp+f942RE4pBCqsL+bA/LL2FH9w+49Yq/
NutjIeSxUo2OVhLPiEJvmBpJaLqXXNojMGICBBoJAqJt/cw6Ui3cdeiu4r9AFcDFWgnp4bLpr06EuqNW
oH3NIWJYv93WXm8T+kU4QdbQ+aQ2UFB4QqbEvtZ4wh7l9X8CYsVThKrUwJJx35Q+xVzr+gTVxdr50FRE
wMl5TaiB1i6WoRuXKys4G5SWXo+IQJNyREXrjRdRDTXsVOEzmZ+XuRhgbx5fcQbvjiLe9rV7200X2Sov
u6qNnhMFZYKpWzR0S4GbGAdAULUWY54BnRstSOpywEwi1G2lavl5dtcv339INeD2tdY2DGi3Vu5OIYM5
eoA0KFPdX9wL03CFGWHNEhDHNijWskFbLNhY7rxWQi3eT/NWgEjATryjEmqmL2E/msMtspJwQ8/Q22ok
1sKOoAOtPRloQsrwoD5iF7sctjBP+CW/+0jG5WuKllfKvU+nq2YUc6qjkLyhfU+hiyrnH1FRppCPxgdy
CNGGsuAUdENqt2ZZrY2EpliZpDEOwhlWuDn2o50QQk0l5My4cEsXi0Dp6xqcwEFrxeOcA0ig7CocYreU
GjHFA8A5EboAU641OOeWFtLJWsk/p1uddpjfPdD6Fy1DtKEPsJN5uvkiRUaiRNdog9qObrWJysTjK2pq
Q0EKgGQZcBnT0faf4OHwFlp6XgoT452E0UEldpE9a4Tz4ezSVLgTlj5EnmVM2+olDoBF24I6CcMmUE+K
cBQlMYb2v62tOinz91BTNSo4r5DzypZRUIgz46j4BOyAzcrMT1UtPhScEHMIEnS+OdS6RgGio0KPM1KR
Ek6zpOV3NkE+Qs67TN6inYiYWBTyUQ1llExtIaG/n7BxdT/p7lddx0HCUdFPzp3E+iOMjdoWdt37mUOm
jRJywhkWDEZ64xqMNmlbOmOoDpIOl0inQa97BDaXamdjX3ddTOIZu4UjjQha0zqBzF0jaIicE47bQ1So
YN1takc5L3OU7D4uaSwDILILmmjQHSRJj62jCqSEN0Mo1WyuA4kRNNdCEJsR5YzouNlMDSMkxeXKXgpq
lr2UIzY3itpJNp05jUBFP6w5SYfNRjJVmyjK4thmr9/sGazvNbsl0dwTF/7YaH/iGrqIOLsNKEXINALw
SToVQcktinsminBgT7XmuI/C7qQEbRmoDurfbla+DSqqxhOnJelBmAsWDHZ6xvDUvzSbGx5cOHAchtSG
KhZbKv+cHHVieKwNh6tqS2McTOcGG2DBGuiNZjJqgnT2uxNv4xV1Mm00GXAlCHPRMbhYUkKeMSrm4TSU
y7QGQTwQUyMqytKU4EQkx9r7ARBlwkeocRtVyP9bh3UORLIblIXQGgQaSZ2rWAB6S5CH3uTuNiexvaW/
+BDadJhbbg3OXS2nArd1GUSH7mOMgsngjq7L50T98SmgIxC0UJJ3AKFTOZo9fTsxFikRuEQHtICMOWVd
BRKV3Ye1NYAngJllHppgXDQoeLgLNuaUcUyYKJqALiFUc8CK84mXVhyI+P6IHFMnqCbtWrAMtFXYzq1n
Yyy9XtPZimC7bQprYhSVNvFHClhtn9kmt3v7DPrXT7I1gerzarnYXrkuaPA5R4drflAk21uhCPbZUXm/
OCSGCQhJn0aJiSFr43puRohw+N3ALzXyg6hiSJXAlpFRrLZnVsjmYaGE+7wji9MUFGgc9B2F5d7vEmsr
iMHRKmjsCWgodAhC+c3OYFQ6rFeG9XiTDHkddbUrpNqShqqo76ktAZbxB+DmUJ97WAX6lAaknjVKYmMT
gxCgb69w4hVxCcWMutU9RQC+u578IXOWWVUZk1YxLLu2j/rObjlJqv4gTuqABPpurDrw0PJoU2byybSO
G28MEOHAkAuunbTxvVYE1d25Ban6h7wAjB+Bt461H/Tvxwp4ECcRYGRiYEZdV+s+6EQhb2J+gSYtKxyH
Z6kTMk4ynbyMD5RF0s1G/3obks5oPXJyAfXPqZtHUwhT3adBoB8ZxqL0Rrt42bJUcUeHj6MWA9Btn32o
9ZpVs8NXS8K6H4Va6DrZ8SsTdY3D9h1+6spcjiLeAhHJHj74/l69YyTyDW9FMfBeG1Wb59ITcdAlp2GM
hC9WiKwC35QwP66fr80fDI2EKTQmxIF7kWlbawUB8B0/x1MZDsDtiw0ImBJRyqrtXWpvelSGmUYdgoM1
YVrd0PLYymiw27rgbttUgdaUiwrjNKmfIavsHNBCO5jmHdVTld7xy8PniwrCFImtQvTdjULuRt3uPVIZ
q2K336i3uC49lukBQWVSw+4V7pgShkp92292QrJ+NmcJu5RbVJEwuxvaaUU+jI0Jo9mLCFDSosGkdTfB
zi50KvxXFLNIxLjSoz8cIYeDKvaqCHLdD63qUXe575ZTLelpihdDRjGp+NADZPYlZZpWRn0UJfeOCgQ1
NokNGVRMgyk9zIi3rDds0JDlbWeJh8jus13QX000ShzCDZYlRGnvbkMnUYkci6EN9bQKM3Ne+2DoC8ct
LApoKlWUYvHKZ/HIqfvAYR7WlgULzwsXj6LMzh2ob1ogeEz2whrOYJA2vPA1xqJ18KD90/d+kK0iF63F
x7eaQVQPdQoHooY+uZbjhN22zXlX7DNPgpjR7IEwirmatyM9Prvbw7EbJbXM/qTVcpiLQixj1J3ZiogA
yE1eMwQKsz4EbtaFartYEBC2OewhRfD1EYLv1ctaVAVqjdMYYf21rsrjfh0GliOycbf72ohACuPixJGc
KpWDm9jBsSZ83GCHx5TTUcuRl63DuevxKkxWhU1IHFESgpOLs5CGFf8RI225dZNo/evXUVKsmovKNgUm
bRmlj0atk8kERyKbhn1Kjku1H9t/CtnasFTJhzzYWvytvtOcszSEiw6tp8ZF2OnlU4Cf+5kI+HyHpruT
V0Q+wwQN1gf6zItAmXmQYCI4/b02BhQcML+5YrnIjjG+lR6+ppHjdgmWk1srkqfhesMguEyBG/kQrW77
dAEfkEzkxD1UnGvSzmXWSziIJHnraXX44f7ELnQPi1g6E25ahpjZPFcsFRBkG03C/IpcBA0SGadaklAF
hqPb9+7jBwhN7iXpWTC5FD+zWQ7D2EfInwKmz+bnU8lpl/u6mnOojWipOgONp4Ot7x8aN18qvsV4VMEA
TJhATIZsRYBCMjPcBoMXQtcoES6iKpDsM5Qc6SlWDPeFIhRi//Qpgc8FYwYkNdn9SfqDIhJzrsjSKMGh
IKqdItwtUdm+Iu1hE9z9BTfr4LS7wwQHVuEQ9larfjZHQ1YuDT+rIAWnUV/V36K9qD6SdntxpzjtAYyK
pVck/e7NNoTvOzh8/1Zmbo7y9MizmbmVtu1514Fo8ohL3d+WQYRGLWvHxbqxGJrkMKWEF2I3KXXolfjY
dNvUPWfpq5BdonMFv27LhMJQVoEk3a7bGioWROuC9S24TyIm22C1eHQaT+w7EmzEgXYOj1iC1tgelvP7
naFh7pHfQlVxyp7LgzB8o4gL7mZbNQI+ZVteS6F5VYorx326BNxWjvi+48AarMnETJJn6TZXypYcHbji
BhMn8lZh4bWre4496jIafRp7Xp7B9+p5J/JiTiSY4+okXEVkPQcF5HqUBmO6V/mhFDTjuuj5cko6JMqj
I84ygDz5AYnTRE5tA5q0RezyjC9X0LRrtO8wWeyyg9zX19O5eahNnrORipM6KZflSZPpPufm+NdVCGni
dOimZ1O1/1fPQog+sWKaEIrrluo+UTxa0d5WJxIpl1UGiG6eKzV/nSbTDzZLSdiFCqarH1A7vOWfNEG4
AY+QRRR4LAIMUm7WFCSr7OpCh0QFKd7NTfcQZeQtWgZOIuNYI+GxIp7dLbtuWuITq1DO1S2ScK/tNmMv
L9/AHYVOL+V7EzemkdzPqnNOxt26FJGHcAG4htJ+5AdslXfNFnq4hPZ68IqagedK2b+eTIVMClPNa/Zs
YLkN1RxEjs0awhOHfiR7En4WB4DerUZIgFto8pCK5JgbRbb4a9+2gPU0FhS1sZtAXCzkvxnNkOzDnk6x
JymEZQjfBuHiqI8VpRawoywsJKGmmQdVE1ZYosA72u/QrfNUxZ5UuNNco24FdfWdDKdxxwwtswxgGj1I
PGCbBZlZyMKNLpwJAuJskeGDsvYvtACs1Wph4ejRo/Prg8F6zyvsqM0YgbCWsyy2Ys9D50XS4VOUUZnN
Sl0tHBLAtnt2/57ZlyquOIFwXjQoA/q12UviHNtsnlf8ERYV4hTett3/Obtm1CixEzHLf3e/tKv9zM4M
U8XjGVmvFRuv5RYEg1I7a95BdyT5jjt23DNmMg2ewhxxEUc8JJXyv3sRRRkM/QTqQujbfTChK2qvlyre
MIfbDixn1zcsa1Wg6Am4923A+qGq328mvSPWAeW+1iyeW8IouyYfkMMLDh2GSkrI/AMtYkunZz/LFiDT
m2SItBmHHwlondCeZc/ciH0h9pXhmJoUCK+liRVJvL1ZJNBLWqtO8Xx31EUlHWtwqyBZ9vYP2oG/Yy6D
4UQ1UqDWUhodZl3biAwU2WRRx91l0arKLLWU1c7ddnitstx1XQrdIaBlhrbryt8SSD/pg9oz3mWf8UY3
Wb8tpWJqNqapzDcOHRiia4q2tJphiKq0RkucyrNfO7gDfnS/S/9m1sFGyifOF5mDEWiB1aqToYyEZWea
YHE/Y4dH6WkAJBvRvWSd06Vx3wTF1jJvqcr6ZzFL9T88NjM4JBFHbojZ/MjTOwegGyDDYi5D5/+O60o6
fpw66gryNEUqpT3stNq8CYTuSHhQATCf/VWx5ROP1/oT+4MnHVr1YmAlN1EPW/fdKDe3fF8laWJvx75q
xmewbGn3O9qJEQkVPBqOq8WDZGsvLNz9gPU4xsWLrUhHSkk1hIljr8jQo0VSebP5sz9rQ9Iugbbdb/0R
Ssut/dedO5e/3cb/Z5LrwUruCTQ45yWl5Ck7l1xpZ6ZmOTiyLRUVnA35BBqK9KEJpB33W2VQrNtU1CQ0
F61PsnOkSKXMC2Zn+zHumZO/EFgJNEg6R64nJnkqto3nhVfbWcqyzF8e08KVW3qEgNEeQrsewI3Ug1xJ
W25zM/N95EPpm7SAfWoFOrp0Jsd2KrRkm8PWsSJLUexO1cnteTO+y+5NAODSmLbnI2Ez7ouvMxyouLN5
ATgLVFo3eD7W/q8kJe9O0ccypoPSNC3McLW6M6qo2+eXs2hidkzNZMNYJBWwIkq0aHfBZhbo/mwtmKPT
W4v9OTOGi7gVobihF5flPiZK7ARpwXzLEVygHmGvcNSl0mt70bHN3h6dQa2qBlRtkb5UyZYknkpHqkoD
loNnU9Fte8Kv2PHWuAP+ULbPg/8R4haIYe3kTfYMs6Njh7tCXF9waW27xRxGVjNJtKDcH4qSEybQFEkD
R/o89L4XsshDwSrKG3XXJsGiDaldf4U4XO11UsJK9bsxLgjgu0OK70dl320ZO8qr2fLBAojESp0ANyhK
3LCQfZ2qjqqaj62TBwaoDs6pNJcxvZqZba3Pa3t5CvVULXSOUowh8jtrLm/BGoY75jtFq1eyle0z+Hw8
Msfd8+Lb2nTOzEzm2COQ1gsNuRYoWdzrWY174PW2Z0STwey1r6atGINxB4Z5QXDOUJwtUiiZ09RDHd9s
YVB7soBikYW2Q8aE5zW5GE4OifrIVR6ftdf3FS24NYMGFxlaoSvUltq/nFNalKljfHWlzckTWS58TxXj
zvxqBJkZsul2qzaK0TLUWlpP2TuIEjOj4msolmJPHtZH18PSvHufZVuVC6GGTyS527BmkdEDmwN91sqc
Y862vW1Zb7b+DiRFOP0Jn0nBIchKD8Jf2MpyUdzkeneOV/Cd7IDMgnyFPH4upe6wjepKusaa36NASpFk
3Q5kthCNON/3MneqnbQFCvmm8RpujO0vlT6m7xbnl3+eOC8Ge4aaQFnctwhFMyom8TqEqTTsZ29zOaxS
AhC/B+C82WS5TZ0XhehKgMCzkKUjX4G+C5iyDWjClzv8gDAIrhFnfxL4X0n94yClKrHzl/3Wk9k+E9A8
h7Wk6tW44AOeCUqLdwvbK1wL7cOtYh2KGJYQ/B83nuYLvBQ0F+PMZa7WnzcyRggV6azRv23cr1NIF2mL
66g/KFLebVgFRbQ3iX0Pc3U5Q8wzmeY5OX4x6jBmNljkMJRFS0BAduYBbJu1AMSsy6AQHd5ibUhPW/GF
/ZnfkSUVnGuo1YzbcE+nHrMbhwx/CmBk+++x4KjiubLtqsjOMuXpXH0WdkbhuSOBeRQCpgab01VS3l1n
DWOnKizo+SumLomraZCQdb4Pt4lUq3TkYCFPOcxmftyBUSsWiIxonL/WLC5x2OHKPQlhvC/zwR1pyGmc
0faazIbpS1tM7UylhKEcRV/YU5klGVU8TMzaSBpBR7XWVwa97mLSlmNomMXoCRdKRCXsaS29rlatCUU8
WFq2+Ho5LA4cGHGFUFy1iXUs+1nznblKV9ljDr9FqHM+R+iS665h5LeINYi+bm3pFQZTI/q9P8VSVJgV
1kQ3fBM/C7L8ewGF6MIdmofagHO27w36niknQCaDb5IzE3uLvGXhXgKY6Kg6ojYTNHw48vPLq8wr7LsV
XAo/W9k3bm8TrZVx2YOLyk2TmSnfITLwg6tUixGWimNiHdnsi71xOTucEuPJ+ZVOkW0yOn3TyWI7Oh+J
F7B9tfVZog4EYw7MoRWcsANs8m5EuxpcZzTY6iRVcCJf2TXUkc1icdtDxxXJBrdbCFdQ9pp5g8YriIxU
hDoxexrVNIx+9sIjyAeoP50c1XL6uB86FZA+msc9RBWWn4UGBJAy8YXsatortF/xrK9CB0+1dsOOJYK4
HLKYZuwdPEN9EaSyv8wIJrJmwxyyr03zpyBi9uBq1fqRyAOE/hrmUvgxWJsCsmvmMKFwNPzZ4Pk6xtiv
n9G9fJ9UqQweOgm+1QatMrd7Bp+nBKm0ZlmlPUu8cEtqUCsOzs6uznKrOS8lOdWbJwFAFWnp/9oDuMyB
A7Mi+dQEAj+0svvY1UNVHRnCVVkbWFQpe4xzfFilJCzWW+Tt60wFPzBy/ryjWDuwV5EEgr+QAfRndHXF
EAZRLNl2ISAsPT64l55RQhN5lVL2VTpz50LRj+uoAX5OZSmaLM4T9P8Jc6N22HqaOcrTwhzpJAuG9Uko
Kqa90ZU0PWOWUDfZOZVUH7B1+JpFABqfl9+OYjq9NOdtfyO5GTHG1kogLHxTBznLpidEzlHWdNfaCIwG
0EWOtyURvd2HocY6TrlV71su/lTI2967l/bkV2mXBuNRMIgEQGyCeY35wOhwJepkyuKOHP7kTB8vTEub
AP1WMs/vdHC/vtYXynGs+xpXWzNXtRHaQzuYMo867LJteI3P48aH9ljt7SG/jSPPmRIeQWljkpmdOWR4
xg/2QKajPW21gc7yV2HRF3dvAtod+XjtLUVkF+eSXcRsfJEkktE/3EbqtWo2ozkvZw+cwQ+LKkH8zSYx
0yf288S80t7o5O3+gHsOFo1so9hxquTg2HgdaEFucytZ/Ed16rWeU11pWJUCNXE/2WTFCM+1al8S83A1
PJPeBMIqJPQhhoZRcTj3kXpVvWkdM5sFslv1ZuQp3M7Bhhtxm5L5mtQtXLP+ZMFBI27XOSqc50PN8aNg
fgw2E0sExIbwf53F5GdZ2kPmWe9sNArNb9jhjdAKyVedC7oPxmUkyDX50GE7Mc4TFcbF0S2oksB9QzMC
a0D7pHpSh/io53GAUeAswq6XtEbrI7RqFzXLSbe2XwL3qsy924ot36mp6BdECfK0lut+kotQ3D7BukTA
Gvl6dxCUdZk9nTiwjiVykMskzmpVXhB7+5AtIu1dOvuDber7zDjitCUBXW57ExVcEzydDoW2H8zOaqoE
b4MUNuLSA6/dHLkGO91lG0NzAf3T+k0HPYlNiDvxhLI/M+2f3Qv/x//e/M637P//YWG92vFNeAJHi+rb
i26T8CwHISvpZAeiBIW/NwaJTJPoLfCDbMfcSGeZbSGiEDbbMgJQYqcn+0d7UaajBJVoz+P8wY4qy+l8
+CL19S5Rae/lj45/+AHVCa9Soe5//P1G6ItBkev2uVd+8bPvf3L13O0XnlBVaP/92on0++0Xn/rFn30P
xZefu/rJ9eu3L/zx7e9/8On1F3/xww9+8cQzn77ztv3v56dvfPLejz65+u4n1566/afPfvL+iz+/9O7P
333JPvnzcy/cvvT8Z68/5uuOaXDriaFgBlFbBSCC1YHH65Qqty2ScbAua+MOAjTg+Th+JpQwyy44lLj+
zZdVlDleHzSqTMfoMioPrZQPlyyyLBR4qWT9BDWYdX0gA+wT99UrQ9rDrDpspraUGFx3cwzjNXASQRR3
Lc+mjlR/Qx1MKGy2z1gGMgPXUcEgNKM7UJw2ngt6K/rd9sX0Oy4WubMK5e42K4crRLxukKNEovSzwCEp
gg+0xUqUHy2p3AfNQCj0/ZjKhieg/NfqQobu5kfPSE0S6n+uxdjqdkJd8jhVH6nKKPVJu8Jl6m+GWmGo
cUKRMd3ro+cwhzk7L+bXcd1Oag1KjTLuzb/f//B9alW+zZl/BX8l5UKoFaZr2qdwxbeoU3ktu1emjUh9
xavUFNU9QxPzcrr+ZaojhrblVb5HZU3ru7+k6qZUDpNOpn267cNHoXNJzch37XnxLFA0fQqqoa7YeSnT
Cr3kPXwBCp1QF/U+gQZlq2552Z6e/WPjEn0D9caL6Fd7onddefECVUy/Y89+0V5zBdAPL/EqH9j3vpNp
SF7Onv0C+0nKne+6iii1J6li+q637m3psHLE9JmrfKa3XEcVMwBPRh1P6kFKLfN9u8N1tuCqX8fHEcqV
VJa0e9sT4u8n2ALMz9S2D3/SzlvpYHJuvWc/T/qsuZZ9F8/yAfU3b0D5kqN4BZqynIF8cvvuB9Q0vcD+
UXulzfqB5rqN19WkFIt3P3Ad2vf4HP6ZqWe5kY3FVd2Pc+5GO4d5Z82Aq7G+qM958sOXs7XznjRioSWa
VFQvcR69j+fj07br5TL62kaY6yvTAL3caoRaWx7lpy9aK56TjqqvKSncanzf5xrAvP2uzdz3uW6O22/v
uf7uk3n7uR4v+Aq8xvG/QJXYk7wO7vuO3audwxjHdh0lPVTNOvY39p8/dy1b65+sNvdJVmG+ELWkT3n9
cdVAR8npKC3tJaRVI9s+8Czfej5+uRHVse0zL7clyNvrqJD0a9k1z0b5cpaZxusn+cq5qKZ9OmvPcZZo
v9F+Hv9ebtuGot6pWrfue43Vvc/E9Z+Pz7wR9dBTiWoWEPfP6yle9ArmuqaXbn+pvVd7X5Xwfoq/PM/P
v5kVxb7K26m1eq53+O/jfK7noyr3B1Ga/AobpkLw0Wy8/kN2zkvTz3i8fS7Vzvaa46mXno8C6K9HqfdT
WX151Z3Xw57nff8ivqX+fyX6JD2vjex7vG96xpPxmZf4IFdYNf7ZKNKdxvrFGMEz0bdxzVefzAqan427
p7E+HgXBz0SN8pPx7GdjjI57jXjvqxhHvP4Gr/9jXjb1uVpyge18J0b8JF9Mn/lOlG6/ODUfvN+usetO
+y++LtIcOB5PrcLur8W9XuSTnkS9eG//1agFf7V95DRv/Qrsf3z+xayvLscKusrLnon+POMF7ts2q69+
GCXUL7bP5b16nO15Ij7P5uHKp9nmC+zJk+yli+3Y+Tq6EaXkH8/2jcvx+pl2DqvfMMfeiK9ci8/rM1dj
nV5j807zk5pvmv8vRZ+cjkG5EnNAbb7iDda4t3M19eETsd6f5NWuRJ+8lu0Px7NnzPYcf6LoUtw3tecC
q9WnfYb3xdXOZ/Mnzc/jMUsv8y0WsvfxeiGbY6dizrzKm6a1prXwwvT+eZzf0lo7z2f/IK6j+a9N/vnp
Pf9afOa1bM5oYl/M9oGfRZ+8ETv5ad+j8JXz0bAf8InS9S/ECnqv7Qe89Xi8dTZG/EyMAluibmnX+wtT
e0U7uLHWfJ5f9odN+4P/qbHQ3HuG1+e08V36QnvG+fOmfj7FP6/yM29EI5/zZ/TPXI0Bupg94xPx7wu8
wmW+/k52Vl7w72Lf0Hn3ahp3qkVDF/tpKiS/TT3pR5Pq86Vb74Ri88cnoC798Sm+foWKyK1Ws5SUT926
SDXvpAOeFJZfzzSW37QrvAldcOhphzI4Xp3SEH9Myti438cn/V7hAVNVmrrXev0NtMnVpi+46jh+P4fP
+jXPfXySV1J73qLudVzzdXvvFBSp7TpX/fNQ6H6cn4K+9ROhUU4V6VeSNvlbt37Cp4DW+Jnsvk9Sn5tt
c4VzKVJfomq3FL+hzX0Kz88+DWXst6hv/rj0xqVdTR3xS9Sf1uuPUsX8rPfb43zKM1KsvnUWz4/r8NUr
1Et/mq9Dxfws+iB9lxrdrtd9ht94068v3XK1B9d+x5/xvM2Dp29d4hXfSnrdP8v+vUwFbe/zVuvcZkbb
J+ehh+7j/oara7fa8U/E62lMoe99DXMvxiKe8dZraI36wa7qiuPWX49TuTzUvWNcMPPe8vnzpv32JK+M
+X/d/oJO+mW2IObGGSq+n/W2XcXrjCsi8ge3vS0nisj/3gxmJm1wx55SUmN9PPToZb99h3LTEVam+DDY
eIPN2R1MhkivZQIUDyJ7KqK1Wg9Xx5secZzPscE5Jr9Z+hwSs81tZ2JWwHlAB8Fztq2eUu1y1p1U5D20
NMlAP4KSuvP2TyeERIdKtYd8IsJh9yO/s7oxhuyJyBae+d3L5F9kZhhkjzDs1hBlrT2hkWEgvrgWIHQy
Be7JUK/FprJQZb+yRyHOPQGDo8C4C/5kwRTkSToCkXUYelZRpb0dRDaT0tnB8RbSg8V+1OTKocVFW9e0
N5l7gAFvh8luHVtsG95K/dVVc3c+d+ZHg/uQld1vXTbbIpCoLNDC61wm2YP+92QgkjmPZIs0iXFIct+O
UV6DCgd0whuqkKDy8/3gFyKK169KZBOHpWQxhlkurqZOXko+FqrY513F2HaIqY0kYkssissMbgh10vK2
AavIMUAph81UhOvBziOdwaxxpIIO2ty9Byp2gJvmeJNWUIY0R1yInE7AfJIyvDUnxGi4whzcoEh7Uut1
KIXDhuuQuhYOm0WrU2HZ2RxmfSiDwiDrxfSFTQ2RHSIwXrRadPbKl5FWpCov6Il50hT5lCPMUYM12sru
7+0sFhlx4eFx05JOnFziQmxjpgCU1nPonlAdIDu2IAHhjLUFZD1afJMpoEhHzuQB7iJHDYfOQCXtisAw
WV97hQIVtS9brJWUBVyP2rWqPKVh02WotAMF1oecly6fSVyCY0Qy/fKlBZVWiK0zZ2m42k/AIEnSWrHZ
dZiKSUOvzlok5jvuk1Gve5O2LLOtBeZepAUynAILLWbIUQiXJtm73kTotW/lUDZvN0c7YAFLOd5ikJMb
Wj1/1W2m7Il9Zn3PwrGdzYY9y1GbjTtbPgrXqTTqmU15IEOQzzkKQniSDF9UtXJ2jsr0Eouc9lnepcU4
ItmbI0Ziq1Z+B/RpiC9BfSjHuM21CU376IILYfO4SzJ5EvSI2uY9F+woV4UyaCWZAe+RLrznvPuZRmUi
UlCqBalOfAq6qhuDTcTVVQZcBP5SIN40o7Al5ejPRttZwtVIa4dAwcSQJAq+amueNzlU74u9EP5RQlIK
nTrpigwj3ClaPYvlqURqAg65/lAMXtVVisxhSAfsbNkZgJIj417fh1e1wYlYDHHohF8n5jvAYqka6H6A
JTQhBR8ITU/hU+zkS+V+2x22LvsusKKi7g5x0h/5wxUtGcy25fmcZiIN9tAVCZwWhj7jvWyfORCCGISn
E/JYcL5UOQ503gsbqwSwr586OtEVMjE7He/NrPShEArAHhVIUkH4kooqPpyVvEhI5MaRV1pZToPcGMR2
m+FJexPs8VtboSrsguE8Xbi/JUy+mVbEpOJjS1PoYwd+iwWvNKgyrIeQLA4RFclas3wrspBewpmX1OKV
kEDUOeWkSKQqIkLAiJhxSkSC/GD7btUxC4paueZlzWpxXsm3CIn9EM2wbSKVZ26pZPYxaWS7VDZSsymP
LW5QEBOCLLNJ/WmcjgHhbCkCnSKWmbTNErDGJsK+fPdvQXvWgm05cTZT+etNciZpE+ck9xDikZ3n2i2y
ejtFW0emluZlEvUpW+4bJXUIp2GPpo0uoNcyL6a5BNYcCdXhZLBTsWUKQPBu0kdNSHLRkn4D5k4Sk8QU
G1E32nX8ihwPT+pyXeo4bAsZF61kWwH7YDQYHC4C4xPaUZw7GWGoN1nyPZU/QixbWye0bGMqEGBVgIJq
n8gEBKEgGoRW23Ltda/nY//kBN253DxuQkd8Iq6CzwNXL2PBYAIg25qettrvcraiC362XK7mENVKHckF
AzDQtXv2Z3C8uQPT7oufp+wVDGeUmHE5Iz+DMdPsTjwPVwZmUof81WxOAc3QaJ0iE/cEILypm6RcleSc
HYoSlPEm5EcJgBO9KvQ5IDABTCD+yGmbTWsJ8YI+4cZmlOCQOIRVKGWGXouJy7CBFB7HLJObulb3NotQ
2N4pFqIIvlE1gZMiiJTaKVqjpG686H2I8XlNZuztDlgTkGwMHslqxUqegHC1im1tURG7iGPFCqLA6yi0
7Me72WKBD3RVJq7IthCvXW1bTkXEeZqwYtive7WTVu/NgPbFvnw5J5F9fMxlM3QyZRW5ipLMoipRvmJe
E38bujMw90NEgEyaUJCCuTpleybOaiPZDqlyAM335VY9a7DWCkUTe3WkSuCr6HgCAInAExXSOiTnqR2p
ofr0/0O2nxOEjehIFH2whRGUCOwh6bRlrZxUFaQpnE1vq4SOWZgePP42KX46WFvOmduZAwV6op8j4L+E
fh4JbbnQQMHKyEG9j3MOIMcmV7WvZvJDQpa7/5FoA85XbqFbSXyeyMJgMkjTPKab3WdmalYlVdF6kFCu
/EFtxNCCai0hgJCJON7p0zmnwpIOxJneVFKi3fLiA4lsi/Mnm7C2J1ZRE979eskIQVCDqD6P6eRblfbw
wBbP5ENS9rh1SYwWSyZRK1sxbJgREQsgmdTlsrkacgWHxsNJUDLrd6P8CHVhQGPzo63uZ8ShhWXBsYKu
nIs3ZPLsjU6FkPtyv127WB4923SyHop5c6tp1emdwqThx/6cZNN79RGxpHz2RgWQ3uSeQYYV/mpu+2fC
dpQ1ag804Th9sQeX2gGBAel2Yfgwi5ZbaasaqNooFFZIRwn4WjrD8ufou40awf8kMjQJ15eeNKzktKsJ
UemaMjmVpfTCVY9wBS/kDNsy5xcTpBW1SaJ+B3HHIHXIhbQ2eqWtsgvt8UMJQmwWo714pI7N28GV8jeJ
XgwfvZWfwobvhfwYFnGCshiPGZPZHjtBKR0vnQDZ9m7NlmHWS4mWao2EkyVXZE44yzRYRWA2bcaLiaNJ
kVs1dF9S9Ks3KLv7zYI0a5ja7W2cWRJe6qmcw1L2JHTpTBQJLuGQIcozUa5Q3TzzKJOVivFivDeqigQE
n9ot91Td9pCgFFYAUpPTRQ3jIiPwo88eCoIOQ0Duo3RRCb4Aj+coMG2y+QJzGRwbB9EnsGhpG0mCrS9m
nIylnPcwyapZ4bAggvZoNTSLMheHLL8W2h3YCNI2CEa3I4XV6vQOLDsiucMfss6te+Hwcoft9+1F0C3g
T4ZuTf7YzbKHfhhHHbnynYyzux4sHnjwULHvvkN3f9VF4mV5jliSaeH3G7veXh2hDlVtobY2BTfywEAA
b8esPNMqQfcmbUQGe1/SDBg0mYtguxL0uTZDC8+lBzX9c/2ZPo2FMCxa6LeouMEybqrFnL3Y7sg2cRaz
yhR75LmGAmvSdxlR+K/NEPj5orNcPevfWSmtF8riftuZJ+P+YNgcNovv8ObNV3v6oz/hT2l4/fXLVPHy
NAQhpz0s1bVWfEt5kAQJRcP5h5dkbCuelZsr9fqYq+OuAc5M1Ia9Y664o+yqNr0H1+pNUFSYozCTIyq2
u4ZE5k9EQkU+wh7HZrsfkyuC2CpYzo2IJGLlst1r4Dl4fycnX+FjFR/1OyzlwbnlvfANf/t39/32l+6x
/y1NpUbip00O804WptJA396RL8v5JpMGmt031RN7i755FfuGw3ICksFUrGfqxFn8GrDBozHLZUzmOsu5
JsXU3Zf33sGZYXtnNbqj8OpTbiPPFXnwfqlXZ6okLOyZKhdmkqLYq0csreRPpPSHCgh1ipmpAHoq26rs
GLpMzDYIcUZJCs8w5BpF82z0vD90MRWskJxE6PJnWvMIfrTCJd3J/FQcu9ifp/AajVQ0JjiSigLt3Jn3
/UMQdSpUCYMilX4wILkC46lIcj5Y8xttUa+p+ATea40YdXJi0pYtc1mKiq0dE97xqvdSO1uPkM3WHllT
K2BGMbbGrdOpfR07faYlWEylVnyTxAYVXMS0/nKFB9t58nTEzqwWnI37nW1NCbvalKs7szSVksiUesF7
8CoO+t6SpphnZkgzSwxynkfJZqjbWBIY0DsWi4eb+bpb7LUZ31ZX2LXrtztT22khPtR+czYHALEzeh7B
ybXcGC2mMiy7R3k4BNV1raEpmo05kqq4bHH2bPrsmX+4yZZOVugVj6XtLTLjZNvdrX1r9uh8Vn9sVib7
qIt/hsspboWpVB7Ic7lzxVTUZP8jlZ09UWvOU+d/gCJOg8026wQbBck/miR0rKWJF9zx2akQGJQH2wpZ
mT5eSo4EF65NzTHpxee6Qz1xh+sP2Q40swQVYVtAyV9dnrqM1010h2Z2KkW+bWoLW57KKLXsSrQ1q9iH
oz6nJy9L2DliQx6b871ntRyuUKLKtpVuNTPlBcdzMlOwc2EqYJzVtVMhyGwnWppKyIajqOoph+r/fv0D
u/Uf1v/93SdGCv80biT7wmOJyj1f3DWVWphK4yzRYHR1oqobuX1YH51i6nCamXJ2i2rVLN+mLiUNLGs2
IlWt2gX6c2nKn6FSC3VlwyCTCY7IaE2/NEpiTkUbCvfvPZGtmHLsbh5L91HpTDmuU+G3wkuA+Ug37Ruj
EKveiU0c2AtMxCJyC+5A+P4SoAqhNzKtndgVUWdLL3C6Jea1l2y1g7U/GLWOGSZq8gdoUZvXB2UTBw2o
omakyVszE7Muad4Tb9BmbNDQTOjOfbK24Pu+PPVUZHV+zJ1NJwn9v6Wpo7mYMmdUTy7aQ98hyR1wx3S6
dy3DNyW12x2FyifhB4gnp/WmytXLVIxKjhnDHXiF8TVIt9RQtuEiz6LVNj2m7JDtU6u4yCrNMoQSezUu
un1q3Xq1Zz9NppLN0k4bho4+a7ylxEQWkoArWeRaeFnRjxR7WImjxFe4Fm7upUH3I54UplnYVNrBYCXX
aXttSy0gwpIVxS5QXhJAoWDQVqkqCe9e5JbxFO6mmPIli8Up/FKm1MAVkIGemlYdiugBwANSIetMu92m
UatVRottamfPSvd9/uyoi6kJM2WXAxrlQtFoIXX7WYoSczDSwFJ7GlY8h30fYQ+mHPkfol5ccstV3TH6
DSoqnLiMmvJ7yZPNRPF2bx3LdDQ8Wuh63ggPSGLC1+226QfM46TYIG0v6nmkx4N8cgebKJ4gju2Uo5cC
xAraZTqfhVRAMj6tazN5tC9FYbgXTIVzp5o5mp1C4gm2QroteLZthI1zMFS9saqosZGCOPnqa6pI/alf
dmdqgp7nSX3tzHEPG7hsvrv9Wd1B7/k2LzszldLMyhIWKuDBjB1TLy2PFnuZh2BS3joJ5hMFotSw52J8
SSNQtGclq0gFvaW2LhMLkSCMhNq2WAHfgHnaAl3KrXpUxrrdPpPhjRpXpgxusdAcY6VJj91/3712+ny1
okQJ85AJptZgR+tG7XZaVqk/pxImTTMerqlCSrLkkpYakAO2ABm7W518w87O1qNPqeiQnM8MvQNTdnl4
WaluQVa5T9WEQp2ckWTv4qp7V1txPtZtFaHd/VP+kU5RHGYYNS6lVOptaiavZuo69skpp3V7vaYi1yx8
tQa9aNUdQMuAHKtTGj7h4jiablE/4P2pOeGyaoM2n4V43FaVjfu+VqnC7jIztb3Faa9dgP2SzpXZqeU/
Bdgja7+FAqmw9WhDxS6UVYsdemE5n2jFFESS62g8BOjTV1Wrm7Polufa2tq3Z+ZnpjeKjVRQhtHLVHsW
Kaqpic3ES9qXaEGkgJ17iuERtXXF7SpTqQKmuFvs7lRTVrLajdYjsu1H1D+xQ28QyUO8tDzlQk9F1HZ6
9bF2L4g8g2fgXGCMZ2PgthiRaAuC292TiBzvmWVj7ZOy1QPDyVqNyZLzowcLHgGGjarIrsvseqjU5FAD
+5HjJYrMWJrZPjMVI1c1r1QeJ8E7uStm7bQ104bcfUYiheJIh6NeXEEGv1cm8b2nvSaKsHWm8BZZ5doC
hy33rIjYe+nDvZ3+oFOo0FuUXj5wYM7sX2sXHXm0pS0FHGHYeojyTW3ylCOWoxUFZk3+ZskgQyA0rF+y
arFJxC2Uu7x0t6zDKkty5Wp6drR7yrt2BaZWKbAoUx0GooGTLMxg4AVo2t6X3yYvIPPx+GPqbMTmkVl5
rRfFfaItVG6WQiuTLfuMSTvPqtJXSwUeA5+aVahJ5xUjWK5varPAT+Ym+X+tGmgWVIRlHJ2uWnqDIhNM
c2iyr5UomurLrMhPdEVjAveR+TkbrPK6qtLZKkBfFUmffNKi2dMTYUtmiaepPWRLvnJUAt227fN3b8ub
Z8eW9e4ULDAStG6fedbCF8VU8Hw1dgEl5Kbw+XOtRhYgf1P++9IUhtxW2FZzeLABbbzmsE33PJbw4Y/B
/ZeaxofXwF1u/0rWfaazUG/pL7LTyUcnz/sGVQiCgZ+/d4088nedI389Z6Xbu38hLvr/+D0oALTX/OiZ
Dy9SY0AqCNkn7f3nXHuBegP867rY8c7yzu/wirUAfPCr5Kdnygv2V3tNqBGcmNICyDjwH32XqiPQc8A1
L1LvQBxzaCOcSNd4nzz0J1KvUE2CvfE++fB/Snb7RTLJn/NeuUGVgatT3H2oBlwmG/19akq8PPV8YOo/
m3QZTlAL4u2PHsXdWpUDfNKZ/RecGX+d/Hq0533eNd0Bo5T1xGX+vETuu38vvffehz/mp9+lqsEFZ6M9
fuvsrTc/fir99nQwhMjiukIml/OpWnabWHOJx/YWeUevkU0WjLvgGb1in7lif708xeISn+rsrcsZO+n1
/JNsjV3TWVWviE3lvCdw/N6w7z3m750kZ0pXuXLrOthd/gwnwAGzTz7p33uL7LEzU0y2aAsYbNGWV26d
J//tLedsncgYZK9M/XWWz/s0eIP46+OTLVcrOGB+v/NkjL2ja7Inz9q/15zJ9TRYcH4/8dHO2VWu2XfF
YXvMOWJnQzXH+/PJjM/2CniI7d3zZ7A7nQV/Lb13XXxAFEUze1CAmuFiKoSpkygqvfiB35mO6mYlhbGd
evmVIMFgu8OG5rlS5Fy+1RbMW/qt7mCVmlQMPrqyp22JFbJES9MB46nMnFm+01v5dHKnaQNh6xXSelMh
3RmCSFZRmHaVUNtIPcHPB3RR8cOUrMwTN01EdrxVHt1Q3rtTZNZeOlyg0ylQ4sz04ReXivh4G0ag8zwV
2qYvmvlrOxanXNUp07+zvGM6C7cyldNpn3d1MDhcfy6CuPBt9NU3ZTvv2bWY1xCxC0Qdc7/U/HSyA8ds
5h1Nob5mZvLksZ2dS9OjkqXfcOXOFLag0/I2+G5bS5B/ehI15pU8thSW7CxPRQ2nra8lc3T1+aODYbeZ
i2xtoXStF/COG+UVH+y1hWlrzVp1tOr12rIFRa7ivn06mOG94sWwZ7Kq7WHSePRX1o2Av14x1o29xFqZ
cnj2TKeqlorpVHwkA9x6+TJr3idJ3ukQ5xc982qz8SHr7kkrNKdmtGkL8IE8DRZBIE7ktpZ3p5haKy3c
TDMeTm1rUz44xOodHCv2b4yHqxtZ4WJ8eNrvJb4rWzwCsmwQamZG3Ld3zOaWlsY6HrdJOFZd2qdZbGe4
3APMChCml5am8MsZ1GM87M0yxty6pM3nvJ9Iy8kcnmJX9pNXmwWs2jQF75v5PZkkID7fei4KhBVTSRXG
jdr+C3aVez4toLcAYnJ6N1s+mmpac6pQCvUbEC/HpfdmNbwzoz+82dD+9ZLIZpiGpqT7nrmQexZNwru5
RrFwaKnsC6IpU3m2KA8+bt2BIlRyGXLKw5BF7tvZiOYIKsZher1yK22U5ES20ddUu1LvquiMI2ZXJlkd
eY0glrNuRLTzuqrTa2tgq1pqQFrHAjGU07zTe6c3RonAJ78wC5OFK5vFmb7WV6lFe0IM3vL0FpSDHBkK
HWw9NBxsleuOtkk1mHnlrFhAEYSdRMiQrJy58ut9QEKrPuI/BxEvtWds88660QHmpdKotFsVt8KMGHvE
5qz82COhOjmNZ5Fn2cb7pzjU1u5pdI/iuQlOl5NdfLFnWfCpTXT7jDn4eSmrNFe1yTAn4nhJrDLNULck
9tRNkYOM44gRp3OxmIbhYGlkNXekfFjMShNxR6oyqGKG7ZGq4oc5+AubW+KjYkVT7uMsZTok0JRUgJ4N
RY7zmd7UxdD/+Y4rw0Cu5EzICiVtE2mkXA0ZkNB1wYcvumLV6RdcxsQVfn4UGikfUAzknMvm+LtXXIXJ
VV/yViVVmR+EsFISFQmtLdw3Pu8aStbUp/iV86FC80EIy1zLtGWszY9CYwRf+TGv/BPKnpzOVKdeDKmc
5/3KfqmXQjNHSiwvZJf9GZVhngk1lTPRjKQPIwWk1+LdN6ZEh1z5JJR/klBYGhTvydMu6+SSXCf41hsh
+fJmfP1kaLy8lmnghCQUbvTn0SrdVxov70TjXwyZsqdC1+g035Ls1Une8UleWYph3wlBp7MhovUKf/9J
6BHl8i9SK/pZKMA8y57RlV+I+57iPHyW7byBf1+lnJerDF11CR38fjr68LlQptITnYv580M0BpeSGthr
vNTVGMTXfGL7I1yL542e9Mn2LL+SlK9eD7GjD0JG6XJ03el43tcoJfRSfPdMXOdKjJHmRtKRey0m7emQ
JHoxVIDOZipn78Rk1i2OxwpK8lNJRed0rKYTsRs8kY3CjVAEkr7Qyy49hA8/HyP+ZqgSnYm18KhfytfR
d+KCL7Gf035yst0ivDPVpB/FbA9dL7+ytH0uxodjxnpPJtGw6Dp87Hn/Ct6SZFNoeeHPN+NGL8bWBBWp
YdP8Tl5jY+doOsvDl3Mtd/fuYLAhAzltcM8sfQ6GUUzxynr18ue84pFzRudtL+el5lftEDrcZraK6fNk
5+dM2pm4fvKry2mXfcfi53JDQC93zdyRgbKn+Jyt2uKTaA7tCT12D8UWdwqXDLp2HyijqOsYVvUSI7Go
kQaJgGqvEHitt/A5z28GcIy83liSdYnas90u4XP30feohgk/LEJs0XxuABY+FytwDWSzTJuJXWGzM21C
7h5ROHxv5xvI3B/uLFOTpmiRlxnaG3C8xZnPRQzmiulsfkkTW9Ya+JKfc9aX0v09w7j4uQ4QTqE1VYnV
yemZxTTiKXN+xMvM6nDBCgpXM3zN5ONS/6Gz3PmcRzVTFFNpVVx493/KiB2eb7qrWivNDpsVoStJqBR3
Th5RVXDXq4dw0LdGG/b+t9B/3zoC+GrmGma/CujyOT8kw8AC59HkuuD4wkFlnVJJm7zesDg4Wj5uJ+5x
pEYyIKcoI7gme6E/kK3YWZar0mIlc4ojx7uYxoNOz65du3x97DTzsETBD5E0QXlRfCjzoyk6Quc/q62H
WqyrmMGrcsM70w7/zntIoGWGuWwG/bnPLYdtzZ2TQ+U6Mv6zzY4/2vVfP2faLs1/7oV2JihAdgeb9f/V
dXW/TZ5X/LqW+B/euqqSaHEMo5pW4rgKga5MbUFdUDvtYnJsJxicOPPrkETVpIUApe0orVRGhaaWrrSk
GdAUmuFQQqTtHpE7LuFm0v6LPefrec7zgZBCYr+fz+c5v/M7vzMwwH7DgIqPYQMyKGRBQMfvY177PPoe
WVahXwIfpMdwhh2/U8H6YjXGqaj10KPLj342/+492n609ej+o5u750ANGDFzioPcR6R7BxHwPiLwd1Dr
GBF28//nGKkAJB/1fv14B2v+3qNv8ewvUCEY9IS3MSbwJUYRNvFbiliQojJqPuP//vEagWc9ZdbA7e+e
xzgGRAc2OTqxyVGBh/gEl3bPsQ4vqUZDDGYH9YZXSc3WPD+/3+4n/H7bGC9BpWxzxqbfHnj0Nj4rtc9m
EB2RqICvice6ZArXPg9IN+PKCvGHnxa//lFFElZBqe3JGp9/98kWaObR9Z7cApUyvIPTJqOzPrJafRdQ
702+x/uj3t66xBE8nbNvzROcpU+CZ3Sad3y/bmeq09PFWmwsn2K5RUy99ATLKuEehWscktx4pQsnVcUK
QwFbpmM2V9T6UXM/p3VYAYrhRKroSiGY/E2IAZJe6FciwSNXZ46RNUZyxRstBsub485Zhv4ihESbbsHH
qvOdOZzCOJmlumd2GEpKds2KOOIpN+wpeEgL5CpX/Mgo7DqCOXMTemYLUOLtKdwxRSmPY//XIBItPdIv
wur1tZLMEYXQ+uC11NEBOXdBrJmx4jgUzRvO3mi2T2O+6zD2i46COAiDT3ZJ7Oj5m82GOf/mB0Aj1Ypn
oUHVp4CbDGXQAN20OUBRoGKgwmzoseJCb7r062K14FialpB4ullrK1gSYCzqzSxvIjoe7nZZaA4h0Udw
PeSY6HQqeHRgcExTySXaBvzMGyQkqKRxxNqEet+sdadbS8Vq0LV7CpBq0yw1oC47CWMQFgxvBhsqMBmn
M8JRJ4zFZTatWg5V5ZvZqVYbmDVdkBIMTEfiGtV7dsRYPSQB4Y6d6CCElY1zxVyp4GFfn2MCbfsuB5tz
J2tQuQTU3U6ZBzHfNktgYkGrzdRmm7x+uEwec/C7VACKK2hJDaVMjINj3Q6SsH5j/pibgoxhLYRDVB+W
nkB1JGS8KCkwokUhO0VXU2VlN4mNiMvh8HHB1ISCKeQQZ93bpQ8xxbwsqWm2PbisFNhYiD7mfioUMIPI
QnUwJkpILEBaHqRKtOq5p/yFmCmTval4U22mw/N4j0zkPaFZUAD+WKYLPZsxM5zpFcGThYK7vNUyrhAk
8mbvYiQzt0aJrIWOhsbjQBkztLR5+mHYHh2iw0GRJATPoawTdSILVYowhaIy+S7EiDHt6kgVk2JIrbzT
tlkxcKCX/C2A5lFjEVuxE85ydbXPW1B/UfgoCAFzro29qC6BjfnQs8jJa/VsWoEuxEtMq64ZJlxhk0iL
NmmlDBUcoe5a0w9KjYeLtHcC7Ip1KIoEvGcZ2r3FTsnYvF1bmPHQApfDA6YWVCVsyAdwuW6r0/ATGTJq
IN+xYn08jtu1lz1RQp77TnkStl0sTNhV64enXwen0OghvByb2tPchLiFdUxqUzkIJxifLFyELch9QPDw
UeWVkqM0erK2ZOb7VM54QnnfiAtRSbYRdYbCucs8rbX5gyYIrPIlFCIZK5r1/HStbtwvZBHD9tccLL68
f0Kl+Q1Ez1w9quq+YRHNYeUJkq30y4ojT8peqkQ3jFNc6x0wG5rZt4CPJpMwmvuFyCDL4wbS1hNp52TR
yHPsTKnwWMxCQ60YeZRK14xvD4/1SrndMesyZ0821AClAekyAcUqQDW79rIS45A6iS4PazQyAnWgnPhu
nrghHg85FLXGMoosUDaaHwqCfdjaF9ZUzbyACvm6KDlGJVTRY6+8eOjoxOTvjx3OpCu0aA/9LFZDTMrr
YERVfL4f3GwsMjSATydimwttyCoNFhezVvhZT9Cvb9S65nkbGtFxRhVnTZOpDPm1AgYcXYLSXnrbZqv8
VHMZuQJmxvBbqJGmPAXOz5xGpYm2yiHWI5zM8ywy2/2cDPioEm00I9Hu7edS4IrehnHSVsF1YK7iqLeq
H2AT+pmNohzl8k5kU0P6AO5sniIVPrPN2bHmhc5wowQ6b4qCwVj32aJwpM8whn6vZSHGNBk9c+TX9By/
GICoZrfTZREfsxG3F3IUkPCSLxF90dXZyNszQ41ShK32zcSRcYabXjdjZarTOWW5AU4pY45GTs3GbiXv
2i3KmPbanFXZ+3Cd8V4b8LM6VYyl4Ld5E4GPhqUvuLZwz3HVaRXImfF/tNdTVSOr0RI5PpcFoXYldpKJ
3Cc4MAtdZxJMdOZoSBszgZxhGC0zxspZyDkVLz8GZF/Q7ZhxAXHNqmbzBFV8FMGASAKzLjtHR0IzdAhq
jZM15NTYMYa4lwcIGyM/ZwGiTFRPlSYsKd2Y6+JCawPzJ0iYVBTKMZ+RmRIWbj0EyCPaUJKLbWWBM8pQ
FVkjnakkWaROkZiMSK2bAHhkp6tRNbgOX50SsOooG0ID2AyPLkr8gsCh0M48p8BOK4s2gnUDzdkhzo8Z
X5YGk0Vuss/v1isATv5F02p5oIVg5inznRRD5WAHVl4QhGH1vDzIITMunaIE8sgMcuHBMKccSujfTg+S
P3KptikSTKDPo3Tf0U/ws39xFY38THtvUBBYGpk/MR9w7czoixbaglPHFOmjGohzdXCJYF/XR2mhrKPP
MYezRAjK2fGTOsMB313odUW6eXFo1Mn4tEhftulR7bCJcVPNtEQcp2khJEPaantHsyAY5euT4DjEHRZ9
vfJSCRBhdRPuxyxy5/W3hKLZ8IP9hdZMfJ75Fmq6PP5s96PHPwN3GeuFUZ2y8JPrVAUMmeTnAd/lym73
gypsUtWOMU7/k91LjKre5QpvgKsCrruDfzMy/PhHPHOHWOXIp36AvxHKu2HuR2jsPWSVM8aMDG/mdfPd
CVH+Gev6UV0zujvwvu/zWwTPA5gyIrjbjBj/dfcTZJ6fQ958n7FeqGz3I6PJ28j+3sYabZt4f3pTOIZ4
+PLJfXoLrtIGd/8Uj7+PNeW2ocofxlsvCmFgQwKyFzCiuoKx6TsY7aX4siUwqLpjXMLpnJzynYRrtyS8
flGi1RTS/VrVuvpOMQEo3q0rcAk7Aj6XsyDufBV//4pZHFxLiBgXV1Xw94wKu6/hM6yo6j8P1XtZtox9
i75c5zM85Y7UPlsTcsiG8Ar+gtff4Lg5cwmIV0NlcW4JReSBvOYFPEWfRS2j2pnbcF1OUVV4HMfgosTT
NbliRzE31qWRP5SO2FL8HNWGjkBiuQSaCvJQul7YCI6N83dHIfBq3q0oFoqtNvUB8jGoxXakd+4JKUKR
izymx0WpgbWOv+wgw+Qh129yT3tGqukRe+SqT025IwffwBPPuDd191qXHrmMZ91mggoX46MBdkPa5LZU
4KKmuy5ltqSmG9/9tjd64ZjzyJ9Zx88vCY3hYyEFUZE7ep6/qfY/L4/3gYxn2843mZfiaEUPZPSuyfRZ
kxJUdowJ68Z9Qt20ptp5012HyCE8L9ZkxtnCW2v4hD+oYnBYMRD+vG2vE8eRvNwUl5Gyao5aw2yOdZvV
INWM4Jgt8/8PXnUe94nUaQrjQ99znsgFjFD9hFEqujLktKxhxSJ+HqlxpD65i9GuszYydROfawWyObiO
z43wXnjspvymHEqBYBb3j3S6M+V9r776ankJRXzARwhBIXR74dvRzIYCIhRGVJtUfY4iqLeI6vdYsTM9
XdSSdizjNwrlNiBUL6R/Y7FEgFL2UpAfAmagDllxDMdaWS9ZY6EYeyS6oAd/VKhE8Zhy+fDbxUzfcBFE
SxrN4+8cmYAU0zm0lviGJ43VTZc4EAaeQfsgjKnkdYvqZBaP03JWfNsstu5if9wzyPjGcddmYIUGiJYE
KrDdCYgqJ/o2Bp6wJbCTKSj0WrWwGIVBXgtCb4itYKzfu1YWeawHYrylgGihV92jV4khqSyNlQRkdgXM
yMn++MaX8kpIkKqDl3COemGZL2HgIHsP8Nfp2NLQ4TMBXO1TluFkJb4kQzSLYon7bJ4JInJmIsxMQT1v
BgWMLz0DjJZoIrRmhVSlXJjxeq3RnCVcgpgjuUKShNWjvUp+/BEzaNiJOLh8pDHYagyRktxJIWaDSyxu
hkh7DY2y4ozXt7GJXvD6mTCyaowYC1e56bJcmCaOhS9YA0PXdODQtRcBp5/xytHyqkEQrBhohWFouwNp
z17hBwjFgfc/N9MDYcVDIxMj8bgvkQ6DaEEAsDGsS5OJuofzChsq3TpIG1IBM4E6OUMM4n+CP2YxADnb
yv3ybJ3pSQHWhrMT7BTmMbo5YZax2alWTV2suWQGJIuicHLKQk7VCVS7MRDoRX8BrvFBu9r0NBRd6KkX
Qu45tzFPKwfeKYW4CAIXYAWOOwKXmGtoqiPPNBeFs962LhnAk/uoxC4Xm1PmnZuoLFKDYGO355IWabcD
DMgG3YBnJLiijbaKCIJVuXidkV31yExl0hWAWBVeD5O3jT/s+gub0EtxquG6U6/N16QgiWi7+MCtN+Qg
NYWG3PRCF8epWsdce1EVA8jvkHIWbikFCGzZtMEMCMCRsFncQRU/NPRe6fh4af7Eck5sB1ukBniAZkuF
JUxGn8Wm6vBFHdh2g/IaLjiKywA2PPJG6B1zVuWwOBfnnFmLBqryaPiHgEgoddVFjSmYJhjOwH6sQ23B
LghFQLu8vP/wy/sneIyZP4pDQ6MhIgU7pCdSKBi2GVZ/DPIeQ34t0CyDRRqpl3Gc7b0S6MgeMjNpcAgW
7cnWrPktiyGYoretsGXhLCRn8wQJuViVzr6DMo1QqlZmF6/nctyAagM/dZb5xpaOo6J4CZOJEXq9PvXE
QNJ3ZmlW3xSBynqLk6gxXIPtepmH3oRNjcQe0PXuZOHxyLd8I1+7g5N6Ap5zj2QrZrq1WeS/WAaELnAk
5CV7Pce28BJr5bjEjh1vn38qVhIGjdqOrI3qxS/4aGrloKd+Va3Ai+ohLIpyegSiURdkYod8a2gXsc90
JLmY2DcT1luR+rLn9WWesPz2FOLnq6YGPi8GUpAO6o+NJjYNpxjmCqbYylVSnaQFxQy4bIPmYBPn3yNY
BZHPCvz0qklwXIzex1c/VlPvdKfVGNw7NFr0FMdtqnPsqrmYg1u6qwmT2+cf0m9BhjqSS4gDhTVHSfMO
3lcpW8lkqMQgc52j2rBztFvT2LzDXh1EIaPES1jmNCjhODIPGq35NgmLWgWb3On6uPfFgRHw37JEG3Dw
OhcbB+OLCfPRq3alTDevXBdpfEUeHZVSw2i3/U2XbpKqFGYE98LIirFxT9FIdGOrIcUieP2ypDMpiMRt
amv1qOM4ruW5R0GCNFIJsE9PA48IZJCboI6Uk2U3D/FOq3Q1aB1k50OotrIRUaeC7eyjRBdVs4QDiRwc
IiUgcQiejcqX+XQIHJFYFsjxK1V1KrRXFls5cOkwmo7TUNKTYX0Jbu4nXtK8pPphTYwpthr0fvxC8IeN
OtqomtogoEM6s2bkKsPLK5fIPTCdWF+Qj8lloZgfhGL6CzML/1nPs0GKrS8MiR7O7pXH27srGO3YwBhC
8Nnjaxg1WEGNIIqNbIWxC2KYm3POYhTggcRTzPUkCuJiCNukGSTRB9DWic9lrnz42TWKopjrAoe9bzn6
FA/ZtKo88fU+oeeFJ3ZaO+b+pA60gZ+hHo7omyDmdxMrr59nfO0nRgpXFXf8DH325BZ85u9Rxydfh7Uk
J+vLLJQqF8ZP3eVyrN6qI6MJZU3GsgEca7LYR8sOWFQBkkXoULh7435dTG0GiiPuliRrjRSUOYLTLZx+
lZSRIl96Fo7LChElMGNxRTYjXDgDDfJW/ZS3yw2KZasM2z8rwVCxdIrZMTTdB3LtV2WRQQiNFRraaM1H
23QPU1K8rYv+C9d2dWTw8yXQ/YTp+L6ZyiVO2yqkbFwSran64jW0eQVwhBxa0McGJkWh8mKp9AdfwGO8
1YUnqRYSLZKyTBef9q897d952v8efm6dfdq/8rT/j2er3z5b/fTZ6rVnq1eerX7zbPXqs9Uv/nvrm//9
83Obcr61Yv4akrjYhgQvKMrwNeL2H3IIjAM9ErXhjMuLEm6zWaVBBMeGJ2xQwGahrksSaJ+jkHCWDfz1
Ve6wzSy2ybNXVPgmCAh+LEnQOxLD+lIe75zkk26oIKPNGrbxyjVJ+NWBm5UoNfsyZ5hyUEzHs4I07euS
zHuRk9a5TdYwf3ZHvlqXANllOXJHQn5fqdOpfc7gM+sP1yV718+C56fdUFHI6ypCZPudzvpGTrwtrWru
/rVXuNR6wTGbEPgHyoxQaWnRsIf/2DsJLQgQW1G3kfwbXLBC/zK16xer4RpI0yWByy/NttWxbjEL5KVk
9VSaNMqbMbtAwoZK2cPlaghpkFczkl65lcfpJr1eSN3qGvMvYfkM3FDOBlWru3LxSuXyu/snyuVDk4ey
996YfOvNbN/I3sx3ugSRCRwelsoyj8s6Tei6QY6EaaiCt3vKKQ7J+K1p9N9xo6faMT84k/L/sqCx2KPF
uwwEvTkQY1BIIPKvwP2aJbessYFfJCJQleSWWYBAz3DWA+VOePVhDL2prC+Vjubnkcs4Sy796Qngb2fW
QEghRabnu61aibrAvHl3wThK/75XobYP50F7bO8o5aEr8+h95fjj0D6QgTJScqCeeOGFFJ5W60EF+fBJ
YjwI3jj5Ful9tZlshrFu8nbNsZSxoq3xRic72DVGentIaS32UbeRuDx3kBMENvK/HH/H0528I9mYmHt5
l9QjFacpcQXzKVzhEulDAsOHck/91TM7dvzgm0cmsuJcrzQZCBlA98WYygR8D2gM0850fJVWYrMQzuW6
7dPLwaT5k9bOfaWed0Fl2k6+w4eUExaymY2jOgNSbS0IFfXeNpNshPJWDiL9Nbl+zNVO5vGYNVey7uzQ
CPLhefDGNiyegGM43mti1BG/TiFdxrtVu4I26ivp3SJGrfCh1B6iJfcSnACcJemVMkZHsJFrI0lnJdms
s6lwLLwmV4gKR4seJzhMXhnZuy+b9Hd/G3B8zj0TLgY+ZDEEUnkHS7w8hj3Hkm3YGxzI0vvCc9qr2Egb
MTkwg9sJOkT8/jQ3KmnzBOLJyS9wLo3ELR3NZZ75gRlhN8fndGHhOc1ZSa3T8F7PabYqsjMvqRWKVy/i
YEruPHv9jvnYZxalzUMH9iWulTvIaLTXEa5ZX8xVa61fFraX9QCIAKg5bh8rVRiy7m8o4pJl5O0ogZ8d
vmbCnCfH5TJKTBFva0O4Wl+l/Ix13xO6KCJPD5H51fete+aO/R8EyzZRoN8BAA==`

/** @type {Uint8Array} */
let dictionary

function getDictionary() {
  if (!dictionary) {
    dictionary = new Uint8Array(122784)
    const gzipString = atob(dictionaryGz64)
    const gzipBytes = new Uint8Array(gzipString.length)
    for (let i = 0; i < gzipString.length; i++) {
      gzipBytes[i] = gzipString.charCodeAt(i)
    }
    gzip_gunzip(gzipBytes, dictionary)
  }
  return dictionary
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-compressors/src/brotli.transform.js
/* Copyright 2013 Google Inc. All Rights Reserved.

   Licensed under the Apache License, Version 2.0 (the "License");
   you may not use this file except in compliance with the License.
   You may obtain a copy of the License at

   http://www.apache.org/licenses/LICENSE-2.0

   Unless required by applicable law or agreed to in writing, software
   distributed under the License is distributed on an "AS IS" BASIS,
   WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
   See the License for the specific language governing permissions and
   limitations under the License.

   Transformations on dictionary words.
*/



const kIdentity = 0
const kOmitLast1 = 1
const kOmitLast2 = 2
const kOmitLast3 = 3
const kOmitLast4 = 4
const kOmitLast5 = 5
const kOmitLast6 = 6
const kOmitLast7 = 7
const kOmitLast8 = 8
const kOmitLast9 = 9
const kUppercaseFirst = 10
const kUppercaseAll = 11
const kOmitFirst1 = 12
const kOmitFirst2 = 13
const kOmitFirst3 = 14
const kOmitFirst4 = 15
const kOmitFirst5 = 16
const kOmitFirst6 = 17
const kOmitFirst7 = 18
// const kOmitFirst8 = 19
const kOmitFirst9 = 20

class Transform {
  /**
   * @param {string} prefix
   * @param {number} transform
   * @param {string} suffix
   */
  constructor(prefix, transform, suffix) {
    this.prefix = new Uint8Array(prefix.length)
    this.transform = transform
    this.suffix = new Uint8Array(suffix.length)

    for (let i = 0; i < prefix.length; i++) this.prefix[i] = prefix.charCodeAt(i)
    for (let i = 0; i < suffix.length; i++) this.suffix[i] = suffix.charCodeAt(i)
  }
}

const kTransforms = [
  new Transform( '', kIdentity, '' ),
  new Transform( '', kIdentity, ' ' ),
  new Transform( ' ', kIdentity, ' ' ),
  new Transform( '', kOmitFirst1, '' ),
  new Transform( '', kUppercaseFirst, ' ' ),
  new Transform( '', kIdentity, ' the ' ),
  new Transform( ' ', kIdentity, '' ),
  new Transform( 's ', kIdentity, ' ' ),
  new Transform( '', kIdentity, ' of ' ),
  new Transform( '', kUppercaseFirst, '' ),
  new Transform( '', kIdentity, ' and ' ),
  new Transform( '', kOmitFirst2, '' ),
  new Transform( '', kOmitLast1, '' ),
  new Transform( ', ', kIdentity, ' ' ),
  new Transform( '', kIdentity, ', ' ),
  new Transform( ' ', kUppercaseFirst, ' ' ),
  new Transform( '', kIdentity, ' in ' ),
  new Transform( '', kIdentity, ' to ' ),
  new Transform( 'e ', kIdentity, ' ' ),
  new Transform( '', kIdentity, '"' ),
  new Transform( '', kIdentity, '.' ),
  new Transform( '', kIdentity, '">' ),
  new Transform( '', kIdentity, '\n' ),
  new Transform( '', kOmitLast3, '' ),
  new Transform( '', kIdentity, ']' ),
  new Transform( '', kIdentity, ' for ' ),
  new Transform( '', kOmitFirst3, '' ),
  new Transform( '', kOmitLast2, '' ),
  new Transform( '', kIdentity, ' a ' ),
  new Transform( '', kIdentity, ' that ' ),
  new Transform( ' ', kUppercaseFirst, '' ),
  new Transform( '', kIdentity, '. ' ),
  new Transform( '.', kIdentity, '' ),
  new Transform( ' ', kIdentity, ', ' ),
  new Transform( '', kOmitFirst4, '' ),
  new Transform( '', kIdentity, ' with ' ),
  new Transform( '', kIdentity, '\'' ),
  new Transform( '', kIdentity, ' from ' ),
  new Transform( '', kIdentity, ' by ' ),
  new Transform( '', kOmitFirst5, '' ),
  new Transform( '', kOmitFirst6, '' ),
  new Transform( ' the ', kIdentity, '' ),
  new Transform( '', kOmitLast4, '' ),
  new Transform( '', kIdentity, '. The ' ),
  new Transform( '', kUppercaseAll, '' ),
  new Transform( '', kIdentity, ' on ' ),
  new Transform( '', kIdentity, ' as ' ),
  new Transform( '', kIdentity, ' is ' ),
  new Transform( '', kOmitLast7, '' ),
  new Transform( '', kOmitLast1, 'ing ' ),
  new Transform( '', kIdentity, '\n\t' ),
  new Transform( '', kIdentity, ':' ),
  new Transform( ' ', kIdentity, '. ' ),
  new Transform( '', kIdentity, 'ed ' ),
  new Transform( '', kOmitFirst9, '' ),
  new Transform( '', kOmitFirst7, '' ),
  new Transform( '', kOmitLast6, '' ),
  new Transform( '', kIdentity, '(' ),
  new Transform( '', kUppercaseFirst, ', ' ),
  new Transform( '', kOmitLast8, '' ),
  new Transform( '', kIdentity, ' at ' ),
  new Transform( '', kIdentity, 'ly ' ),
  new Transform( ' the ', kIdentity, ' of ' ),
  new Transform( '', kOmitLast5, '' ),
  new Transform( '', kOmitLast9, '' ),
  new Transform( ' ', kUppercaseFirst, ', ' ),
  new Transform( '', kUppercaseFirst, '"' ),
  new Transform( '.', kIdentity, '(' ),
  new Transform( '', kUppercaseAll, ' ' ),
  new Transform( '', kUppercaseFirst, '">' ),
  new Transform( '', kIdentity, '="' ),
  new Transform( ' ', kIdentity, '.' ),
  new Transform( '.com/', kIdentity, '' ),
  new Transform( ' the ', kIdentity, ' of the ' ),
  new Transform( '', kUppercaseFirst, '\'' ),
  new Transform( '', kIdentity, '. This ' ),
  new Transform( '', kIdentity, ',' ),
  new Transform( '.', kIdentity, ' ' ),
  new Transform( '', kUppercaseFirst, '(' ),
  new Transform( '', kUppercaseFirst, '.' ),
  new Transform( '', kIdentity, ' not ' ),
  new Transform( ' ', kIdentity, '="' ),
  new Transform( '', kIdentity, 'er ' ),
  new Transform( ' ', kUppercaseAll, ' ' ),
  new Transform( '', kIdentity, 'al ' ),
  new Transform( ' ', kUppercaseAll, '' ),
  new Transform( '', kIdentity, '=\'' ),
  new Transform( '', kUppercaseAll, '"' ),
  new Transform( '', kUppercaseFirst, '. ' ),
  new Transform( ' ', kIdentity, '(' ),
  new Transform( '', kIdentity, 'ful ' ),
  new Transform( ' ', kUppercaseFirst, '. ' ),
  new Transform( '', kIdentity, 'ive ' ),
  new Transform( '', kIdentity, 'less ' ),
  new Transform( '', kUppercaseAll, '\'' ),
  new Transform( '', kIdentity, 'est ' ),
  new Transform( ' ', kUppercaseFirst, '.' ),
  new Transform( '', kUppercaseAll, '">' ),
  new Transform( ' ', kIdentity, '=\'' ),
  new Transform( '', kUppercaseFirst, ',' ),
  new Transform( '', kIdentity, 'ize ' ),
  new Transform( '', kUppercaseAll, '.' ),
  new Transform( '\xc2\xa0', kIdentity, '' ),
  new Transform( ' ', kIdentity, ',' ),
  new Transform( '', kUppercaseFirst, '="' ),
  new Transform( '', kUppercaseAll, '="' ),
  new Transform( '', kIdentity, 'ous ' ),
  new Transform( '', kUppercaseAll, ', ' ),
  new Transform( '', kUppercaseFirst, '=\'' ),
  new Transform( ' ', kUppercaseFirst, ',' ),
  new Transform( ' ', kUppercaseAll, '="' ),
  new Transform( ' ', kUppercaseAll, ', ' ),
  new Transform( '', kUppercaseAll, ',' ),
  new Transform( '', kUppercaseAll, '(' ),
  new Transform( '', kUppercaseAll, '. ' ),
  new Transform( ' ', kUppercaseAll, '.' ),
  new Transform( '', kUppercaseAll, '=\'' ),
  new Transform( ' ', kUppercaseAll, '. ' ),
  new Transform( ' ', kUppercaseFirst, '="' ),
  new Transform( ' ', kUppercaseAll, '=\'' ),
  new Transform( ' ', kUppercaseFirst, '=\'' ),
]

const kNumTransforms = kTransforms.length

/**
 * @param {Uint8Array} p
 * @param {number} i
 * @returns {number}
 */
function ToUpperCase(p, i) {
  if (p[i] < 0xc0) {
    if (p[i] >= 97 && p[i] <= 122) {
      p[i] ^= 32
    }
    return 1
  }

  /* An overly simplified uppercasing model for utf-8. */
  if (p[i] < 0xe0) {
    p[i + 1] ^= 32
    return 2
  }

  /* An arbitrary transform for three byte characters. */
  p[i + 2] ^= 5
  return 3
}

/**
 * @param {Uint8Array} dst
 * @param {number} idx
 * @param {number} word
 * @param {number} len
 * @param {number} transform
 * @returns {number}
 */
function transformDictionaryWord(dst, idx, word, len, transform) {
  const dictionary = getDictionary()
  const { prefix } = kTransforms[transform]
  const { suffix } = kTransforms[transform]
  const t = kTransforms[transform].transform
  let skip = t < kOmitFirst1 ? 0 : t - (kOmitFirst1 - 1)
  const start_idx = idx

  if (skip > len) skip = len

  let prefix_pos = 0
  while (prefix_pos < prefix.length) {
    dst[idx++] = prefix[prefix_pos++]
  }

  word += skip
  len -= skip

  if (t <= kOmitLast9) len -= t

  for (let i = 0; i < len; i++) {
    dst[idx++] = dictionary[word + i]
  }

  let uppercase = idx - len

  if (t === kUppercaseFirst) {
    ToUpperCase(dst, uppercase)
  } else if (t === kUppercaseAll) {
    while (len > 0) {
      const step = ToUpperCase(dst, uppercase)
      uppercase += step
      len -= step
    }
  }

  let suffix_pos = 0
  while (suffix_pos < suffix.length) {
    dst[idx++] = suffix[suffix_pos++]
  }

  return idx - start_idx
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-compressors/src/brotli.js
/* Adapted from https://github.com/foliojs/brotli.js
 * Copyright 2015 Devon Govett, MIT License
 * Copyright 2013 Google Inc, Apache License 2.0
 */











const kNumLiteralCodes = 256
const kNumInsertAndCopyCodes = 704
const kNumBlockLengthCodes = 26
const kLiteralContextBits = 6
const kDistanceContextBits = 2

const NUM_DISTANCE_SHORT_CODES = 16
const kDistanceShortCodeIndexOffset = new Uint8Array([
  3, 2, 1, 0, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2,
])

const kDistanceShortCodeValueOffset = new Int8Array([
  0, 0, 0, 0, -1, 1, -2, 2, -3, 3, -1, 1, -2, 2, -3, 3,
])

// Brotli dictionary
const offsetsByLength = new Uint32Array([
  0, 0, 0, 0, 0, 4096, 9216, 21504, 35840, 44032,
  53248, 63488, 74752, 87040, 93696, 100864, 104704, 106752, 108928, 113536,
  115968, 118528, 119872, 121280, 122016,
])

const sizeBitsByLength = new Uint8Array([
  0, 0, 0, 0, 10, 10, 11, 11, 10, 10,
  10, 10, 10, 9, 9, 8, 7, 7, 8, 7,
  7, 6, 6, 5, 5,
])

const minDictionaryWordLength = 4
const maxDictionaryWordLength = 24

/**
 * @param {Uint8Array} input
 * @param {number} outputLength
 * @returns {Uint8Array}
 */
function decompressBrotli(input, outputLength) {
  const output = new Uint8Array(outputLength)
  const brotliInput = new BrotliInput(input)
  const brotliOutput = new BrotliOutput(output)
  brotli(brotliInput, brotliOutput)
  return output
}

/**
 * @param {BrotliInput} input
 * @param {BrotliOutput} output
 */
function brotli(input, output) {
  let pos = 0
  let input_end = 0
  let max_distance = 0
  // This ring buffer holds a few past copy distances that will be used by special distance codes
  const dist_rb = [ 16, 15, 11, 4 ]
  let dist_rb_idx = 0
  const hgroup = [new HuffmanTreeGroup(0, 0), new HuffmanTreeGroup(0, 0), new HuffmanTreeGroup(0, 0)]

  // We need the slack region for the following reasons:
  //   - always doing two 8-byte copies for fast backward copying
  //   - transforms
  //   - flushing the input ringbuffer when decoding uncompressed blocks
  const kRingBufferWriteAheadSlack = 128 + BrotliBitReader.READ_SIZE

  const br = new BrotliBitReader(input)

  // Decode window size
  const window_bits = decodeWindowBits(br)
  const max_backward_distance = (1 << window_bits) - 16

  const ringbuffer_size = 1 << window_bits
  const ringbuffer_mask = ringbuffer_size - 1
  const ringbuffer = new Uint8Array(ringbuffer_size + kRingBufferWriteAheadSlack + maxDictionaryWordLength)
  const ringbuffer_end = ringbuffer_size

  const block_type_trees = []
  const block_len_trees = []
  for (let x = 0; x < 3 * HUFFMAN_MAX_TABLE_SIZE; x++) {
    block_type_trees[x] = new HuffmanCode(0, 0)
    block_len_trees[x] = new HuffmanCode(0, 0)
  }

  while (!input_end) {
    const block_length = [ 1 << 28, 1 << 28, 1 << 28 ]
    const block_type = [ 0 ]
    const num_block_types = [ 1, 1, 1 ]
    const block_type_rb = [ 0, 1, 0, 1, 0, 1 ]
    const block_type_rb_index = [ 0 ]

    for (let i = 0; i < 3; i++) {
      hgroup[i].codes = []
      hgroup[i].htrees = new Uint32Array()
    }

    br.readMoreInput()

    const _out = decodeMetaBlockLength(br)
    let meta_block_remaining_len = _out.meta_block_length
    if (pos + meta_block_remaining_len > output.buffer.length) {
      // We need to grow the output buffer to fit the additional data
      const tmp = new Uint8Array( pos + meta_block_remaining_len )
      tmp.set( output.buffer )
      output.buffer = tmp
    }
    input_end = _out.input_end

    if (_out.is_metadata) {
      jumpToByteBoundary(br)

      for (; meta_block_remaining_len > 0; --meta_block_remaining_len) {
        br.readMoreInput()
        // Read one byte and ignore it
        br.readBits(8)
      }

      continue
    }

    if (meta_block_remaining_len === 0) continue

    if (_out.is_uncompressed) {
      br.bit_pos_ = br.bit_pos_ + 7 & ~7
      copyUncompressedBlockToOutput(output, meta_block_remaining_len, pos, ringbuffer, ringbuffer_mask, br)
      pos += meta_block_remaining_len
      continue
    }

    for (let i = 0; i < 3; i++) {
      num_block_types[i] = decodeVarLenUint8(br) + 1
      if (num_block_types[i] >= 2) {
        readHuffmanCode(num_block_types[i] + 2, block_type_trees, i * HUFFMAN_MAX_TABLE_SIZE, br)
        readHuffmanCode(kNumBlockLengthCodes, block_len_trees, i * HUFFMAN_MAX_TABLE_SIZE, br)
        block_length[i] = readBlockLength(block_len_trees, i * HUFFMAN_MAX_TABLE_SIZE, br)
        block_type_rb_index[i] = 1
      }
    }

    br.readMoreInput()

    const distance_postfix_bits = br.readBits(2)
    const num_direct_distance_codes = NUM_DISTANCE_SHORT_CODES + (br.readBits(4) << distance_postfix_bits)
    const distance_postfix_mask = (1 << distance_postfix_bits) - 1
    const num_distance_codes = num_direct_distance_codes + (48 << distance_postfix_bits)
    const context_modes = new Uint8Array(num_block_types[0])

    for (let i = 0; i < num_block_types[0]; i++) {
      br.readMoreInput()
      context_modes[i] = br.readBits(2) << 1
    }

    const [num_literal_htrees, context_map] = decodeContextMap(num_block_types[0] << kLiteralContextBits, br)
    const [num_dist_htrees, dist_context_map] = decodeContextMap(num_block_types[2] << kDistanceContextBits, br)

    hgroup[0] = new HuffmanTreeGroup(kNumLiteralCodes, num_literal_htrees)
    hgroup[1] = new HuffmanTreeGroup(kNumInsertAndCopyCodes, num_block_types[1])
    hgroup[2] = new HuffmanTreeGroup(num_distance_codes, num_dist_htrees)

    for (let i = 0; i < 3; ++i) {
      hgroup[i].decode(br)
    }

    let context_map_slice = 0
    let dist_context_map_slice = 0
    let context_mode = context_modes[block_type[0]]
    let context_lookup_offset1 = lookupOffsets[context_mode]
    let context_lookup_offset2 = lookupOffsets[context_mode + 1]
    let htree_command = hgroup[1].htrees[0]

    while (meta_block_remaining_len > 0) {
      let distance_code

      br.readMoreInput()

      if (block_length[1] === 0) {
        decodeBlockType(num_block_types[1],
          block_type_trees, 1, block_type, block_type_rb,
          block_type_rb_index, br)
        block_length[1] = readBlockLength(block_len_trees, HUFFMAN_MAX_TABLE_SIZE, br)
        htree_command = hgroup[1].htrees[block_type[1]]
      }
      block_length[1]--
      const cmd_code = readSymbol(hgroup[1].codes, htree_command, br)
      let range_idx = cmd_code >> 6
      if (range_idx >= 2) {
        range_idx -= 2
        distance_code = -1
      } else {
        distance_code = 0
      }
      const insertIndex = kInsertRangeLut[range_idx] + (cmd_code >> 3 & 7)
      const insertPrefix = kInsertLengthPrefixCode[insertIndex]
      const insertLength = insertPrefix.offset + br.readBits(insertPrefix.nbits)
      const copyIndex = kCopyRangeLut[range_idx] + (cmd_code & 7)
      const copyCode = kCopyLengthPrefixCode[copyIndex]
      const copyLength = copyCode.offset + br.readBits(copyCode.nbits)
      let prev_byte1 = ringbuffer[pos - 1 & ringbuffer_mask]
      let prev_byte2 = ringbuffer[pos - 2 & ringbuffer_mask]
      for (let j = 0; j < insertLength; j++) {
        br.readMoreInput()

        if (block_length[0] === 0) {
          decodeBlockType(num_block_types[0],
            block_type_trees, 0, block_type, block_type_rb,
            block_type_rb_index, br)
          block_length[0] = readBlockLength(block_len_trees, 0, br)
          const context_offset = block_type[0] << kLiteralContextBits
          context_map_slice = context_offset
          context_mode = context_modes[block_type[0]]
          context_lookup_offset1 = lookupOffsets[context_mode]
          context_lookup_offset2 = lookupOffsets[context_mode + 1]
        }
        const context = lookup[context_lookup_offset1 + prev_byte1] |
                   lookup[context_lookup_offset2 + prev_byte2]
        const literal_htree_index = context_map[context_map_slice + context]
        block_length[0]--
        prev_byte2 = prev_byte1
        prev_byte1 = readSymbol(hgroup[0].codes, hgroup[0].htrees[literal_htree_index], br)
        ringbuffer[pos & ringbuffer_mask] = prev_byte1
        if ((pos & ringbuffer_mask) === ringbuffer_mask) {
          output.write(ringbuffer, ringbuffer_size)
        }
        pos++
      }
      meta_block_remaining_len -= insertLength
      if (meta_block_remaining_len <= 0) break

      if (distance_code < 0) {
        br.readMoreInput()
        if (block_length[2] === 0) {
          decodeBlockType(num_block_types[2],
            block_type_trees, 2, block_type, block_type_rb,
            block_type_rb_index, br)
          block_length[2] = readBlockLength(block_len_trees, 2 * HUFFMAN_MAX_TABLE_SIZE, br)
          dist_context_map_slice = block_type[2] << kDistanceContextBits
        }
        block_length[2]--
        const context = (copyLength > 4 ? 3 : copyLength - 2) & 0xff
        const dist_htree_index = dist_context_map[dist_context_map_slice + context]
        distance_code = readSymbol(hgroup[2].codes, hgroup[2].htrees[dist_htree_index], br)
        if (distance_code >= num_direct_distance_codes) {
          distance_code -= num_direct_distance_codes
          const postfix = distance_code & distance_postfix_mask
          distance_code >>= distance_postfix_bits
          const nbits = (distance_code >> 1) + 1
          const offset = (2 + (distance_code & 1) << nbits) - 4
          distance_code = num_direct_distance_codes +
              (offset + br.readBits(nbits) <<
               distance_postfix_bits) + postfix
        }
      }

      // Convert distance code to actual distance by possibly looking up past distnaces from the ringbuffer
      const distance = translateShortCodes(distance_code, dist_rb, dist_rb_idx)
      if (distance < 0) throw new Error('[BrotliDecompress] invalid distance')

      if (pos < max_backward_distance && max_distance !== max_backward_distance) {
        max_distance = pos
      } else {
        max_distance = max_backward_distance
      }

      let copy_dst = pos & ringbuffer_mask

      if (distance > max_distance) {
        if (copyLength >= minDictionaryWordLength && copyLength <= maxDictionaryWordLength) {
          let offset = offsetsByLength[copyLength]
          const word_id = distance - max_distance - 1
          const shift = sizeBitsByLength[copyLength]
          const mask = (1 << shift) - 1
          const word_idx = word_id & mask
          const transform_idx = word_id >> shift
          offset += word_idx * copyLength
          if (transform_idx < kNumTransforms) {
            const len = transformDictionaryWord(ringbuffer, copy_dst, offset, copyLength, transform_idx)
            copy_dst += len
            pos += len
            meta_block_remaining_len -= len
            if (copy_dst >= ringbuffer_end) {
              output.write(ringbuffer, ringbuffer_size)

              for (let _x = 0; _x < copy_dst - ringbuffer_end; _x++)
                ringbuffer[_x] = ringbuffer[ringbuffer_end + _x]
            }
          } else {
            throw new Error('Invalid backward reference')
          }
        } else {
          throw new Error('Invalid backward reference')
        }
      } else {
        if (distance_code > 0) {
          dist_rb[dist_rb_idx & 3] = distance
          dist_rb_idx++
        }

        if (copyLength > meta_block_remaining_len) {
          throw new Error('Invalid backward reference')
        }

        for (let j = 0; j < copyLength; j++) {
          ringbuffer[pos & ringbuffer_mask] = ringbuffer[pos - distance & ringbuffer_mask]
          if ((pos & ringbuffer_mask) === ringbuffer_mask) {
            output.write(ringbuffer, ringbuffer_size)
          }
          pos++
          meta_block_remaining_len--
        }
      }
    }

    // Protect pos from overflow, wrap it around at every GB of input data
    pos &= 0x3fffffff
  }

  output.write(ringbuffer, pos & ringbuffer_mask)
}

/**
 * @param {number} code
 * @param {number[]} ringbuffer
 * @param {number} index
 * @returns {number}
 */
function translateShortCodes(code, ringbuffer, index) {
  if (code < NUM_DISTANCE_SHORT_CODES) {
    index += kDistanceShortCodeIndexOffset[code]
    index &= 3
    return ringbuffer[index] + kDistanceShortCodeValueOffset[code]
  } else {
    return code - NUM_DISTANCE_SHORT_CODES + 1
  }
}

;// CONCATENATED MODULE: ./node_modules/fzstd/esm/index.mjs
// Some numerical data is initialized as -1 even when it doesn't need initialization to help the JIT infer types
// aliases for shorter compressed code (most minifers don't do this)
var ab = ArrayBuffer, u8 = Uint8Array, u16 = Uint16Array, i16 = Int16Array, u32 = (/* unused pure expression or super */ null && (Uint32Array)), i32 = Int32Array;
var slc = function (v, s, e) {
    if (u8.prototype.slice)
        return u8.prototype.slice.call(v, s, e);
    if (s == null || s < 0)
        s = 0;
    if (e == null || e > v.length)
        e = v.length;
    var n = new u8(e - s);
    n.set(v.subarray(s, e));
    return n;
};
var fill = function (v, n, s, e) {
    if (u8.prototype.fill)
        return u8.prototype.fill.call(v, n, s, e);
    if (s == null || s < 0)
        s = 0;
    if (e == null || e > v.length)
        e = v.length;
    for (; s < e; ++s)
        v[s] = n;
    return v;
};
var cpw = function (v, t, s, e) {
    if (u8.prototype.copyWithin)
        return u8.prototype.copyWithin.call(v, t, s, e);
    if (s == null || s < 0)
        s = 0;
    if (e == null || e > v.length)
        e = v.length;
    while (s < e) {
        v[t++] = v[s++];
    }
};
/**
 * Codes for errors generated within this library
 */
var ZstdErrorCode = {
    InvalidData: 0,
    WindowSizeTooLarge: 1,
    InvalidBlockType: 2,
    FSEAccuracyTooHigh: 3,
    DistanceTooFarBack: 4,
    UnexpectedEOF: 5
};
// error codes
var ec = [
    'invalid zstd data',
    'window size too large (>2046MB)',
    'invalid block type',
    'FSE accuracy too high',
    'match distance too far back',
    'unexpected EOF'
];
var err = function (ind, msg, nt) {
    var e = new Error(msg || ec[ind]);
    e.code = ind;
    if (Error.captureStackTrace)
        Error.captureStackTrace(e, err);
    if (!nt)
        throw e;
    return e;
};
var rb = function (d, b, n) {
    var i = 0, o = 0;
    for (; i < n; ++i)
        o |= d[b++] << (i << 3);
    return o;
};
var b4 = function (d, b) { return (d[b] | (d[b + 1] << 8) | (d[b + 2] << 16) | (d[b + 3] << 24)) >>> 0; };
// read Zstandard frame header
var rzfh = function (dat, w) {
    var n3 = dat[0] | (dat[1] << 8) | (dat[2] << 16);
    if (n3 == 0x2FB528 && dat[3] == 253) {
        // Zstandard
        var flg = dat[4];
        //    single segment       checksum             dict flag     frame content flag
        var ss = (flg >> 5) & 1, cc = (flg >> 2) & 1, df = flg & 3, fcf = flg >> 6;
        if (flg & 8)
            err(0);
        // byte
        var bt = 6 - ss;
        // dict bytes
        var db = df == 3 ? 4 : df;
        // dictionary id
        var di = rb(dat, bt, db);
        bt += db;
        // frame size bytes
        var fsb = fcf ? (1 << fcf) : ss;
        // frame source size
        var fss = rb(dat, bt, fsb) + ((fcf == 1) && 256);
        // window size
        var ws = fss;
        if (!ss) {
            // window descriptor
            var wb = 1 << (10 + (dat[5] >> 3));
            ws = wb + (wb >> 3) * (dat[5] & 7);
        }
        if (ws > 2145386496)
            err(1);
        var buf = new u8((w == 1 ? (fss || ws) : w ? 0 : ws) + 12);
        buf[0] = 1, buf[4] = 4, buf[8] = 8;
        return {
            b: bt + fsb,
            y: 0,
            l: 0,
            d: di,
            w: (w && w != 1) ? w : buf.subarray(12),
            e: ws,
            o: new i32(buf.buffer, 0, 3),
            u: fss,
            c: cc,
            m: Math.min(131072, ws)
        };
    }
    else if (((n3 >> 4) | (dat[3] << 20)) == 0x184D2A5) {
        // skippable
        return b4(dat, 4) + 8;
    }
    err(0);
};
// most significant bit for nonzero
var msb = function (val) {
    var bits = 0;
    for (; (1 << bits) <= val; ++bits)
        ;
    return bits - 1;
};
// read finite state entropy
var rfse = function (dat, bt, mal) {
    // table pos
    var tpos = (bt << 3) + 4;
    // accuracy log
    var al = (dat[bt] & 15) + 5;
    if (al > mal)
        err(3);
    // size
    var sz = 1 << al;
    // probabilities symbols  repeat   index   high threshold
    var probs = sz, sym = -1, re = -1, i = -1, ht = sz;
    // optimization: single allocation is much faster
    var buf = new ab(512 + (sz << 2));
    var freq = new i16(buf, 0, 256);
    // same view as freq
    var dstate = new u16(buf, 0, 256);
    var nstate = new u16(buf, 512, sz);
    var bb1 = 512 + (sz << 1);
    var syms = new u8(buf, bb1, sz);
    var nbits = new u8(buf, bb1 + sz);
    while (sym < 255 && probs > 0) {
        var bits = msb(probs + 1);
        var cbt = tpos >> 3;
        // mask
        var msk = (1 << (bits + 1)) - 1;
        var val = ((dat[cbt] | (dat[cbt + 1] << 8) | (dat[cbt + 2] << 16)) >> (tpos & 7)) & msk;
        // mask (1 fewer bit)
        var msk1fb = (1 << bits) - 1;
        // max small value
        var msv = msk - probs - 1;
        // small value
        var sval = val & msk1fb;
        if (sval < msv)
            tpos += bits, val = sval;
        else {
            tpos += bits + 1;
            if (val > msk1fb)
                val -= msv;
        }
        freq[++sym] = --val;
        if (val == -1) {
            probs += val;
            syms[--ht] = sym;
        }
        else
            probs -= val;
        if (!val) {
            do {
                // repeat byte
                var rbt = tpos >> 3;
                re = ((dat[rbt] | (dat[rbt + 1] << 8)) >> (tpos & 7)) & 3;
                tpos += 2;
                sym += re;
            } while (re == 3);
        }
    }
    if (sym > 255 || probs)
        err(0);
    var sympos = 0;
    // sym step (coprime with sz - formula from zstd source)
    var sstep = (sz >> 1) + (sz >> 3) + 3;
    // sym mask
    var smask = sz - 1;
    for (var s = 0; s <= sym; ++s) {
        var sf = freq[s];
        if (sf < 1) {
            dstate[s] = -sf;
            continue;
        }
        // This is split into two loops in zstd to avoid branching, but as JS is higher-level that is unnecessary
        for (i = 0; i < sf; ++i) {
            syms[sympos] = s;
            do {
                sympos = (sympos + sstep) & smask;
            } while (sympos >= ht);
        }
    }
    // After spreading symbols, should be zero again
    if (sympos)
        err(0);
    for (i = 0; i < sz; ++i) {
        // next state
        var ns = dstate[syms[i]]++;
        // num bits
        var nb = nbits[i] = al - msb(ns);
        nstate[i] = (ns << nb) - sz;
    }
    return [(tpos + 7) >> 3, {
            b: al,
            s: syms,
            n: nbits,
            t: nstate
        }];
};
// read huffman
var rhu = function (dat, bt) {
    //  index  weight count
    var i = 0, wc = -1;
    //    buffer             header byte
    var buf = new u8(292), hb = dat[bt];
    // huffman weights
    var hw = buf.subarray(0, 256);
    // rank count
    var rc = buf.subarray(256, 268);
    // rank index
    var ri = new u16(buf.buffer, 268);
    // NOTE: at this point bt is 1 less than expected
    if (hb < 128) {
        // end byte, fse decode table
        var _a = rfse(dat, bt + 1, 6), ebt = _a[0], fdt = _a[1];
        bt += hb;
        var epos = ebt << 3;
        // last byte
        var lb = dat[bt];
        if (!lb)
            err(0);
        //  state1   state2   state1 bits   state2 bits
        var st1 = 0, st2 = 0, btr1 = fdt.b, btr2 = btr1;
        // fse pos
        // pre-increment to account for original deficit of 1
        var fpos = (++bt << 3) - 8 + msb(lb);
        for (;;) {
            fpos -= btr1;
            if (fpos < epos)
                break;
            var cbt = fpos >> 3;
            st1 += ((dat[cbt] | (dat[cbt + 1] << 8)) >> (fpos & 7)) & ((1 << btr1) - 1);
            hw[++wc] = fdt.s[st1];
            fpos -= btr2;
            if (fpos < epos)
                break;
            cbt = fpos >> 3;
            st2 += ((dat[cbt] | (dat[cbt + 1] << 8)) >> (fpos & 7)) & ((1 << btr2) - 1);
            hw[++wc] = fdt.s[st2];
            btr1 = fdt.n[st1];
            st1 = fdt.t[st1];
            btr2 = fdt.n[st2];
            st2 = fdt.t[st2];
        }
        if (++wc > 255)
            err(0);
    }
    else {
        wc = hb - 127;
        for (; i < wc; i += 2) {
            var byte = dat[++bt];
            hw[i] = byte >> 4;
            hw[i + 1] = byte & 15;
        }
        ++bt;
    }
    // weight exponential sum
    var wes = 0;
    for (i = 0; i < wc; ++i) {
        var wt = hw[i];
        // bits must be at most 11, same as weight
        if (wt > 11)
            err(0);
        wes += wt && (1 << (wt - 1));
    }
    // max bits
    var mb = msb(wes) + 1;
    // table size
    var ts = 1 << mb;
    // remaining sum
    var rem = ts - wes;
    // must be power of 2
    if (rem & (rem - 1))
        err(0);
    hw[wc++] = msb(rem) + 1;
    for (i = 0; i < wc; ++i) {
        var wt = hw[i];
        ++rc[hw[i] = wt && (mb + 1 - wt)];
    }
    // huf buf
    var hbuf = new u8(ts << 1);
    //    symbols                      num bits
    var syms = hbuf.subarray(0, ts), nb = hbuf.subarray(ts);
    ri[mb] = 0;
    for (i = mb; i > 0; --i) {
        var pv = ri[i];
        fill(nb, i, pv, ri[i - 1] = pv + rc[i] * (1 << (mb - i)));
    }
    if (ri[0] != ts)
        err(0);
    for (i = 0; i < wc; ++i) {
        var bits = hw[i];
        if (bits) {
            var code = ri[bits];
            fill(syms, i, code, ri[bits] = code + (1 << (mb - bits)));
        }
    }
    return [bt, {
            n: nb,
            b: mb,
            s: syms
        }];
};
// Tables generated using this:
// https://gist.github.com/101arrowz/a979452d4355992cbf8f257cbffc9edd
// default literal length table
var dllt = /*#__PURE__*/ rfse(/*#__PURE__*/ new u8([
    81, 16, 99, 140, 49, 198, 24, 99, 12, 33, 196, 24, 99, 102, 102, 134, 70, 146, 4
]), 0, 6)[1];
// default match length table
var dmlt = /*#__PURE__*/ rfse(/*#__PURE__*/ new u8([
    33, 20, 196, 24, 99, 140, 33, 132, 16, 66, 8, 33, 132, 16, 66, 8, 33, 68, 68, 68, 68, 68, 68, 68, 68, 36, 9
]), 0, 6)[1];
// default offset code table
var doct = /*#__PURE__ */ rfse(/*#__PURE__*/ new u8([
    32, 132, 16, 66, 102, 70, 68, 68, 68, 68, 36, 73, 2
]), 0, 5)[1];
// bits to baseline
var b2bl = function (b, s) {
    var len = b.length, bl = new i32(len);
    for (var i = 0; i < len; ++i) {
        bl[i] = s;
        s += 1 << b[i];
    }
    return bl;
};
// literal length bits
var llb = /*#__PURE__ */ new u8(( /*#__PURE__ */new i32([
    0, 0, 0, 0, 16843009, 50528770, 134678020, 202050057, 269422093
])).buffer, 0, 36);
// literal length baseline
var llbl = /*#__PURE__ */ b2bl(llb, 0);
// match length bits
var mlb = /*#__PURE__ */ new u8(( /*#__PURE__ */new i32([
    0, 0, 0, 0, 0, 0, 0, 0, 16843009, 50528770, 117769220, 185207048, 252579084, 16
])).buffer, 0, 53);
// match length baseline
var mlbl = /*#__PURE__ */ b2bl(mlb, 3);
// decode huffman stream
var dhu = function (dat, out, hu) {
    var len = dat.length, ss = out.length, lb = dat[len - 1], msk = (1 << hu.b) - 1, eb = -hu.b;
    if (!lb)
        err(0);
    var st = 0, btr = hu.b, pos = (len << 3) - 8 + msb(lb) - btr, i = -1;
    for (; pos > eb && i < ss;) {
        var cbt = pos >> 3;
        var val = (dat[cbt] | (dat[cbt + 1] << 8) | (dat[cbt + 2] << 16)) >> (pos & 7);
        st = ((st << btr) | val) & msk;
        out[++i] = hu.s[st];
        pos -= (btr = hu.n[st]);
    }
    if (pos != eb || i + 1 != ss)
        err(0);
};
// decode huffman stream 4x
// TODO: use workers to parallelize
var dhu4 = function (dat, out, hu) {
    var bt = 6;
    var ss = out.length, sz1 = (ss + 3) >> 2, sz2 = sz1 << 1, sz3 = sz1 + sz2;
    dhu(dat.subarray(bt, bt += dat[0] | (dat[1] << 8)), out.subarray(0, sz1), hu);
    dhu(dat.subarray(bt, bt += dat[2] | (dat[3] << 8)), out.subarray(sz1, sz2), hu);
    dhu(dat.subarray(bt, bt += dat[4] | (dat[5] << 8)), out.subarray(sz2, sz3), hu);
    dhu(dat.subarray(bt), out.subarray(sz3), hu);
};
// read Zstandard block
var rzb = function (dat, st, out) {
    var _a;
    var bt = st.b;
    //    byte 0        block type
    var b0 = dat[bt], btype = (b0 >> 1) & 3;
    st.l = b0 & 1;
    var sz = (b0 >> 3) | (dat[bt + 1] << 5) | (dat[bt + 2] << 13);
    // end byte for block
    var ebt = (bt += 3) + sz;
    if (btype == 1) {
        if (bt >= dat.length)
            return;
        st.b = bt + 1;
        if (out) {
            fill(out, dat[bt], st.y, st.y += sz);
            return out;
        }
        return fill(new u8(sz), dat[bt]);
    }
    if (ebt > dat.length)
        return;
    if (btype == 0) {
        st.b = ebt;
        if (out) {
            out.set(dat.subarray(bt, ebt), st.y);
            st.y += sz;
            return out;
        }
        return slc(dat, bt, ebt);
    }
    if (btype == 2) {
        //    byte 3        lit btype     size format
        var b3 = dat[bt], lbt = b3 & 3, sf = (b3 >> 2) & 3;
        // lit src size  lit cmp sz 4 streams
        var lss = b3 >> 4, lcs = 0, s4 = 0;
        if (lbt < 2) {
            if (sf & 1)
                lss |= (dat[++bt] << 4) | ((sf & 2) && (dat[++bt] << 12));
            else
                lss = b3 >> 3;
        }
        else {
            s4 = sf;
            if (sf < 2)
                lss |= ((dat[++bt] & 63) << 4), lcs = (dat[bt] >> 6) | (dat[++bt] << 2);
            else if (sf == 2)
                lss |= (dat[++bt] << 4) | ((dat[++bt] & 3) << 12), lcs = (dat[bt] >> 2) | (dat[++bt] << 6);
            else
                lss |= (dat[++bt] << 4) | ((dat[++bt] & 63) << 12), lcs = (dat[bt] >> 6) | (dat[++bt] << 2) | (dat[++bt] << 10);
        }
        ++bt;
        // add literals to end - can never overlap with backreferences because unused literals always appended
        var buf = out ? out.subarray(st.y, st.y + st.m) : new u8(st.m);
        // starting point for literals
        var spl = buf.length - lss;
        if (lbt == 0)
            buf.set(dat.subarray(bt, bt += lss), spl);
        else if (lbt == 1)
            fill(buf, dat[bt++], spl);
        else {
            // huffman table
            var hu = st.h;
            if (lbt == 2) {
                var hud = rhu(dat, bt);
                // subtract description length
                lcs += bt - (bt = hud[0]);
                st.h = hu = hud[1];
            }
            else if (!hu)
                err(0);
            (s4 ? dhu4 : dhu)(dat.subarray(bt, bt += lcs), buf.subarray(spl), hu);
        }
        // num sequences
        var ns = dat[bt++];
        if (ns) {
            if (ns == 255)
                ns = (dat[bt++] | (dat[bt++] << 8)) + 0x7F00;
            else if (ns > 127)
                ns = ((ns - 128) << 8) | dat[bt++];
            // symbol compression modes
            var scm = dat[bt++];
            if (scm & 3)
                err(0);
            var dts = [dmlt, doct, dllt];
            for (var i = 2; i > -1; --i) {
                var md = (scm >> ((i << 1) + 2)) & 3;
                if (md == 1) {
                    // rle buf
                    var rbuf = new u8([0, 0, dat[bt++]]);
                    dts[i] = {
                        s: rbuf.subarray(2, 3),
                        n: rbuf.subarray(0, 1),
                        t: new u16(rbuf.buffer, 0, 1),
                        b: 0
                    };
                }
                else if (md == 2) {
                    // accuracy log 8 for offsets, 9 for others
                    _a = rfse(dat, bt, 9 - (i & 1)), bt = _a[0], dts[i] = _a[1];
                }
                else if (md == 3) {
                    if (!st.t)
                        err(0);
                    dts[i] = st.t[i];
                }
            }
            var _b = st.t = dts, mlt = _b[0], oct = _b[1], llt = _b[2];
            var lb = dat[ebt - 1];
            if (!lb)
                err(0);
            var spos = (ebt << 3) - 8 + msb(lb) - llt.b, cbt = spos >> 3, oubt = 0;
            var lst = ((dat[cbt] | (dat[cbt + 1] << 8)) >> (spos & 7)) & ((1 << llt.b) - 1);
            cbt = (spos -= oct.b) >> 3;
            var ost = ((dat[cbt] | (dat[cbt + 1] << 8)) >> (spos & 7)) & ((1 << oct.b) - 1);
            cbt = (spos -= mlt.b) >> 3;
            var mst = ((dat[cbt] | (dat[cbt + 1] << 8)) >> (spos & 7)) & ((1 << mlt.b) - 1);
            for (++ns; --ns;) {
                var llc = llt.s[lst];
                var lbtr = llt.n[lst];
                var mlc = mlt.s[mst];
                var mbtr = mlt.n[mst];
                var ofc = oct.s[ost];
                var obtr = oct.n[ost];
                cbt = (spos -= ofc) >> 3;
                var ofp = 1 << ofc;
                var off = ofp + (((dat[cbt] | (dat[cbt + 1] << 8) | (dat[cbt + 2] << 16) | (dat[cbt + 3] << 24)) >>> (spos & 7)) & (ofp - 1));
                cbt = (spos -= mlb[mlc]) >> 3;
                var ml = mlbl[mlc] + (((dat[cbt] | (dat[cbt + 1] << 8) | (dat[cbt + 2] << 16)) >> (spos & 7)) & ((1 << mlb[mlc]) - 1));
                cbt = (spos -= llb[llc]) >> 3;
                var ll = llbl[llc] + (((dat[cbt] | (dat[cbt + 1] << 8) | (dat[cbt + 2] << 16)) >> (spos & 7)) & ((1 << llb[llc]) - 1));
                cbt = (spos -= lbtr) >> 3;
                lst = llt.t[lst] + (((dat[cbt] | (dat[cbt + 1] << 8)) >> (spos & 7)) & ((1 << lbtr) - 1));
                cbt = (spos -= mbtr) >> 3;
                mst = mlt.t[mst] + (((dat[cbt] | (dat[cbt + 1] << 8)) >> (spos & 7)) & ((1 << mbtr) - 1));
                cbt = (spos -= obtr) >> 3;
                ost = oct.t[ost] + (((dat[cbt] | (dat[cbt + 1] << 8)) >> (spos & 7)) & ((1 << obtr) - 1));
                if (off > 3) {
                    st.o[2] = st.o[1];
                    st.o[1] = st.o[0];
                    st.o[0] = off -= 3;
                }
                else {
                    var idx = off - (ll != 0);
                    if (idx) {
                        off = idx == 3 ? st.o[0] - 1 : st.o[idx];
                        if (idx > 1)
                            st.o[2] = st.o[1];
                        st.o[1] = st.o[0];
                        st.o[0] = off;
                    }
                    else
                        off = st.o[0];
                }
                for (var i = 0; i < ll; ++i) {
                    buf[oubt + i] = buf[spl + i];
                }
                oubt += ll, spl += ll;
                var stin = oubt - off;
                if (stin < 0) {
                    var len = -stin;
                    var bs = st.e + stin;
                    if (len > ml)
                        len = ml;
                    for (var i = 0; i < len; ++i) {
                        buf[oubt + i] = st.w[bs + i];
                    }
                    oubt += len, ml -= len, stin = 0;
                }
                for (var i = 0; i < ml; ++i) {
                    buf[oubt + i] = buf[stin + i];
                }
                oubt += ml;
            }
            if (oubt != spl) {
                while (spl < buf.length) {
                    buf[oubt++] = buf[spl++];
                }
            }
            else
                oubt = buf.length;
            if (out)
                st.y += oubt;
            else
                buf = slc(buf, 0, oubt);
        }
        else if (out) {
            st.y += lss;
            if (spl) {
                for (var i = 0; i < lss; ++i) {
                    buf[i] = buf[spl + i];
                }
            }
        }
        else if (spl)
            buf = slc(buf, spl);
        st.b = ebt;
        return buf;
    }
    err(2);
};
// concat
var cct = function (bufs, ol) {
    if (bufs.length == 1)
        return bufs[0];
    var buf = new u8(ol);
    for (var i = 0, b = 0; i < bufs.length; ++i) {
        var chk = bufs[i];
        buf.set(chk, b);
        b += chk.length;
    }
    return buf;
};
/**
 * Decompresses Zstandard data
 * @param dat The input data
 * @param buf The output buffer. If unspecified, the function will allocate
 *            exactly enough memory to fit the decompressed data. If your
 *            data has multiple frames and you know the output size, specifying
 *            it will yield better performance.
 * @returns The decompressed data
 */
function decompress(dat, buf) {
    var bufs = [], nb = +!buf;
    var bt = 0, ol = 0;
    for (; dat.length;) {
        var st = rzfh(dat, nb || buf);
        if (typeof st == 'object') {
            if (nb) {
                buf = null;
                if (st.w.length == st.u) {
                    bufs.push(buf = st.w);
                    ol += st.u;
                }
            }
            else {
                bufs.push(buf);
                st.e = 0;
            }
            for (; !st.l;) {
                var blk = rzb(dat, st, buf);
                if (!blk)
                    err(5);
                if (buf)
                    st.e = st.y;
                else {
                    bufs.push(blk);
                    ol += blk.length;
                    cpw(st.w, 0, blk.length);
                    st.w.set(blk, st.w.length - blk.length);
                }
            }
            bt = st.b + (st.c * 4);
        }
        else
            bt = st;
        dat = dat.subarray(bt);
    }
    return cct(bufs, ol);
}
/**
 * Decompressor for Zstandard streamed data
 */
var Decompress = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    /**
     * Creates a Zstandard decompressor
     * @param ondata The handler for stream data
     */
    function Decompress(ondata) {
        this.ondata = ondata;
        this.c = [];
        this.l = 0;
        this.z = 0;
    }
    /**
     * Pushes data to be decompressed
     * @param chunk The chunk of data to push
     * @param final Whether or not this is the last chunk in the stream
     */
    Decompress.prototype.push = function (chunk, final) {
        if (typeof this.s == 'number') {
            var sub = Math.min(chunk.length, this.s);
            chunk = chunk.subarray(sub);
            this.s -= sub;
        }
        var sl = chunk.length;
        var ncs = sl + this.l;
        if (!this.s) {
            if (final) {
                if (!ncs) {
                    this.ondata(new u8(0), true);
                    return;
                }
                // min for frame + one block
                if (ncs < 5)
                    err(5);
            }
            else if (ncs < 18) {
                this.c.push(chunk);
                this.l = ncs;
                return;
            }
            if (this.l) {
                this.c.push(chunk);
                chunk = cct(this.c, ncs);
                this.c = [];
                this.l = 0;
            }
            if (typeof (this.s = rzfh(chunk)) == 'number')
                return this.push(chunk, final);
        }
        if (typeof this.s != 'number') {
            if (ncs < (this.z || 3)) {
                if (final)
                    err(5);
                this.c.push(chunk);
                this.l = ncs;
                return;
            }
            if (this.l) {
                this.c.push(chunk);
                chunk = cct(this.c, ncs);
                this.c = [];
                this.l = 0;
            }
            if (!this.z && ncs < (this.z = (chunk[this.s.b] & 2) ? 4 : 3 + ((chunk[this.s.b] >> 3) | (chunk[this.s.b + 1] << 5) | (chunk[this.s.b + 2] << 13)))) {
                if (final)
                    err(5);
                this.c.push(chunk);
                this.l = ncs;
                return;
            }
            else
                this.z = 0;
            for (;;) {
                var blk = rzb(chunk, this.s);
                if (!blk) {
                    if (final)
                        err(5);
                    var adc = chunk.subarray(this.s.b);
                    this.s.b = 0;
                    this.c.push(adc), this.l += adc.length;
                    return;
                }
                else {
                    this.ondata(blk, false);
                    cpw(this.s.w, 0, blk.length);
                    this.s.w.set(blk, this.s.w.length - blk.length);
                }
                if (this.s.l) {
                    var rest = chunk.subarray(this.s.b);
                    this.s = this.s.c * 4;
                    this.push(rest, final);
                    return;
                }
            }
        }
        else if (final)
            err(5);
    };
    return Decompress;
}())));


;// CONCATENATED MODULE: ./node_modules/hysnappy/js/uncompress.js
/**
 * Uncompress a snappy compressed buffer.
 *
 * @param {Uint8Array} input
 * @param {number} outputLength
 * @returns {Uint8Array}
 */
function snappyUncompress(input, outputLength) {
  return snappyUncompressor()(input, outputLength)
}

/**
 * Load wasm and return uncompressor function.
 *
 * @returns {(input: Uint8Array, outputLength: number) => Uint8Array}
 */
function snappyUncompressor() {
  // Instantiate wasm module
  const wasm = instantiateWasm()

  return (input, outputLength) => {
    /** @type {any} */
    const { memory, uncompress } = wasm.exports

    // Input data is passed into wasm memory at inputStart
    // Output data is expected to be written to wasm memory at outputStart
    // clang uses some wasm memory, so we need to skip past that
    const inputStart = 68000 // 68 kb
    const outputStart = inputStart + input.byteLength

    // WebAssembly memory
    const totalSize = inputStart + input.byteLength + outputLength
    if (memory.buffer.byteLength < totalSize) {
      // Calculate the number of pages needed, rounding up
      const pageSize = 64 * 1024 // 64KiB per page
      const currentPages = memory.buffer.byteLength / pageSize
      const requiredPages = Math.ceil(totalSize / pageSize)
      const pagesToGrow = requiredPages - currentPages
      memory.grow(pagesToGrow)
    }

    // Copy the compressed data to WASM memory
    const byteArray = new Uint8Array(memory.buffer)
    byteArray.set(input, inputStart)

    // Call wasm uncompress function
    const result = uncompress(inputStart, input.byteLength, outputStart)

    // Check for errors
    if (result === -1) throw new Error('invalid snappy length header')
    if (result === -2) throw new Error('missing eof marker')
    if (result === -3) throw new Error('premature end of input')
    if (result) throw new Error(`failed to uncompress data ${result}`)

    // Get uncompressed data from WASM memory
    return byteArray.slice(outputStart, outputStart + outputLength)
  }
}

/**
 * Instantiate WASM module from a base64 string.
 *
 * @returns {WebAssembly.Instance}
 */
function instantiateWasm() {
  const binaryString = atob(wasm64)
  const byteArray = new Uint8Array(binaryString.length)
  for (let i = 0; i < binaryString.length; i += 1) {
    byteArray[i] = binaryString.charCodeAt(i)
  }
  // only works for payload less than 4kb:
  const mod = new WebAssembly.Module(byteArray)
  return new WebAssembly.Instance(mod)
}

// Base64 encoded hysnappy.wasm
const wasm64 = 'AGFzbQEAAAABEANgAABgA39/fwF/YAF/AX8DBgUAAQEBAgUDAQACBj8KfwFBoIwEC38AQYAIC38AQaAMC38AQaAMC38AQaCMBAt/AEGACAt/AEGgjAQLfwBBgIAIC38AQQALfwBBAQsHwQEOBm1lbW9yeQIAEV9fd2FzbV9jYWxsX2N0b3JzAAAGbWVtY3B5AAEHbWVtbW92ZQACCnVuY29tcHJlc3MAAwxfX2Rzb19oYW5kbGUDAQpfX2RhdGFfZW5kAwILX19zdGFja19sb3cDAwxfX3N0YWNrX2hpZ2gDBA1fX2dsb2JhbF9iYXNlAwULX19oZWFwX2Jhc2UDBgpfX2hlYXBfZW5kAwcNX19tZW1vcnlfYmFzZQMIDF9fdGFibGVfYmFzZQMJCuASBQIAC8sBAQN/AkAgAkUNAAJAAkAgAkEHcSIDDQAgACEEIAIhBQwBCyAAIQQgAiEFA0AgBCABLQAAOgAAIARBAWohBCABQQFqIQEgBUF/aiEFIANBf2oiAw0ACwsgAkEISQ0AA0AgBCABLQAAOgAAIAQgAS0AAToAASAEIAEtAAI6AAIgBCABLQADOgADIAQgAS0ABDoABCAEIAEtAAU6AAUgBCABLQAGOgAGIAQgAS0ABzoAByAEQQhqIQQgAUEIaiEBIAVBeGoiBQ0ACwsgAAugAwEEfwJAIAAgAUYNAAJAAkAgACABSQ0AIAEgAmoiAyAASw0BCyACRQ0BAkACQCACQQdxIgMNACAAIQQgAiEFDAELIAAhBCACIQUDQCAEIAEtAAA6AAAgBEEBaiEEIAFBAWohASAFQX9qIQUgA0F/aiIDDQALCyACQQhJDQEDQCAEIAEtAAA6AAAgBCABLQABOgABIAQgAS0AAjoAAiAEIAEtAAM6AAMgBCABLQAEOgAEIAQgAS0ABToABSAEIAEtAAY6AAYgBCABLQAHOgAHIARBCGohBCABQQhqIQEgBUF4aiIFDQAMAgsLIAJFDQACQAJAIAJBA3EiBA0AIAAgAmohBiACIQUMAQsgAiEFA0AgBUF/aiIFIABqIgYgBSABaiIDLQAAOgAAIARBf2oiBA0ACwsgAkEESQ0AIAZBfGohASADQXxqIQQDQCABQQNqIARBA2otAAA6AAAgAUECaiAEQQJqLQAAOgAAIAFBAWogBEEBai0AADoAACABIAQtAAA6AAAgAUF8aiEBIARBfGohBCAFQXxqIgUNAAsLIAALswoBCX8jgICAgABBIGsiAySAgICAACADQQlqQgA3AAAgA0IANwIEIAMgA0EYajYCAEF/IQQCQCABRQ0AIAMgAUF/aiIFNgIcIAMgAEEBajYCGCAALAAAIgZB/wBxIQcCQCAGQX9KDQAgBUUNASADIAFBfmoiBTYCHCADIABBAmo2AhggACwAASIGQf8AcUEHdCAHciEHQX8hBCAGQX9KDQAgBUUNASADIAFBfWoiBTYCHCADIABBA2o2AhggACwAAiIGQf8AcUEOdCAHciEHQX8hBCAGQX9KDQAgBUUNASADIAFBfGoiBTYCHCADIABBBGo2AhggACwAAyIGQf8AcUEVdCAHciEHQX8hBCAGQX9KDQAgBUUNASADIAFBe2o2AhwgAyAAQQVqNgIYIAAsAAQiAUEASA0BIAFBHHQgB3IhBwsgAiAHaiEIAkACQCADEISAgIAADQAgAiEADAELIAMoAgQhASACIQADQAJAIAMoAgggAWtBBEoNACADIAE2AgQgAxCEgICAAEUNAiADKAIEIQELIAFBAWohBQJAAkAgAS0AACIGQQNxDQAgCCAAayEJIAMoAggiCiAFayEEIAZBAnYiC0EBaiEHAkAgBkE/Sw0AIARBEEkNACAJQRBIDQAgACABKAIBNgIAIAAgASgCBTYCBCAAIAEoAgk2AgggACABKAINNgIMIAAgB2ohACADKAIIIAUgB2oiAWtBBEoNAyADIAE2AgQgAxCEgICAAEUNBAwCCwJAAkAgBkHwAU8NACAFIQYMAQsgCiAFIAtBRWoiAWoiBmshBCABQQJ0QYCIgIAAaigCACAFKAIAcUEBaiEHCwJAIAcgBE0NAANAIAggAGsgBEkNBSAAIAYgBBCBgICAACEAIAMoAgAiASABKAIAIgkgAygCDCIFaiIGNgIAIAFBBGoiASABKAIAIgogBWsiATYCACADIAE2AgwgACAEaiEAIAFFDQUgAyAJIApqNgIIIAcgBGshByABIQQgByABSw0ACyAIIABrIQkLIAkgB0kNAyAAIAYgBxCBgICAACAHaiEAIAMoAgggBiAHaiIBa0EESg0CIAMgATYCBCADEISAgIAADQEMAwsgACACayAGQQF0QaCIgIAAai8BACIBQQt2IgpBAnRBgIiAgABqKAIAIAUoAgBxIAFBgA5xaiIHQX9qTQ0CIAggAGshBAJAAkAgAUH/AXEiCUEQSw0AIAdBCEkNACAEQRBJDQAgACAAIAdrIgEoAgA2AgAgACABKAIENgIEIAAgASgCCDYCCCAAIAFBDGooAgA2AgwMAQsCQAJAAkAgBCAJQQpqSQ0AIAAgB2shBCAAIQEgCSEGIAdBB0wNAQwCCyAEIAlJDQUgCUEBaiEEQQAgB2shByAAIQEDQCABIAEgB2otAAA6AAAgAUEBaiEBIARBf2oiBEEBSw0ADAMLCwNAIAEgBCgCADYCACABIAQoAgQ2AgQgBiAHayEGIAEgB2oiASAEayIHQQhIDQALCyAGQQFIDQAgBkEIaiEHA0AgASAEKAIANgIAIAEgBCgCBDYCBCABQQhqIQEgBEEIaiEEIAdBeGoiB0EISw0ACwsgACAJaiEAIAMoAgggBSAKaiIBa0EESg0BIAMgATYCBCADEISAgIAARQ0CCyADKAIEIQEMAAsLIAMoAgAiASABKAIEIAMoAgwiBGs2AgQgASAEIAEoAgBqNgIAAkAgAy0AEA0AQX4hBAwBC0EAQX0gCCAARhshBAsgA0EgaiSAgICAACAEC7YDAQd/AkAgACgCBCIBIAAoAggiAkcNACAAKAIAIgIgAigCACIDIAAoAgwiBGoiATYCACACQQRqIgIgAigCACICIARrIgU2AgAgACAFNgIMAkAgAiAERw0AIABBAToAEEEADwsgACADIAJqIgI2AggLAkACQAJAIAIgAWsiAiABLQAAQQF0QaCIgIAAai8BAEELdkEBaiIFTw0AIABBEWogASACEIKAgIAAIQYgACgCDCEEQQAhByAAQQA2AgwgACgCACIBIAEoAgQgBGs2AgQgASAEIAEoAgBqIgM2AgADQCABQQRqKAIAIgFFDQMgBiACaiADIAUgAmsiBCABIAQgAUkbIgQQgYCAgAAaIAAoAgAiASABKAIEIARrNgIEIAEgASgCACAEaiIDNgIAIAQgAmoiAiAFSQ0ACyAAIAY2AgQgACAGIAVqNgIIDAELAkAgAkEESw0AIAAgAEERaiABIAIQgoCAgAAiASACajYCCCAAIAE2AgQgACgCDCECIABBADYCDCAAKAIAIgEgASgCBCACazYCBCABIAIgASgCAGo2AgAMAQsgACABNgIEC0EBIQcLIAcLC6gEAQBBgAgLoAQAAAAA/wAAAP//AAD///8A/////wAAAAAAAAAAAAAAAAEABAgBEAEgAgAFCAIQAiADAAYIAxADIAQABwgEEAQgBQAICAUQBSAGAAkIBhAGIAcACggHEAcgCAALCAgQCCAJAAQJCRAJIAoABQkKEAogCwAGCQsQCyAMAAcJDBAMIA0ACAkNEA0gDgAJCQ4QDiAPAAoJDxAPIBAACwkQEBAgEQAEChEQESASAAUKEhASIBMABgoTEBMgFAAHChQQFCAVAAgKFRAVIBYACQoWEBYgFwAKChcQFyAYAAsKGBAYIBkABAsZEBkgGgAFCxoQGiAbAAYLGxAbIBwABwscEBwgHQAICx0QHSAeAAkLHhAeIB8ACgsfEB8gIAALCyAQICAhAAQMIRAhICIABQwiECIgIwAGDCMQIyAkAAcMJBAkICUACAwlECUgJgAJDCYQJiAnAAoMJxAnICgACwwoECggKQAEDSkQKSAqAAUNKhAqICsABg0rECsgLAAHDSwQLCAtAAgNLRAtIC4ACQ0uEC4gLwAKDS8QLyAwAAsNMBAwIDEABA4xEDEgMgAFDjIQMiAzAAYOMxAzIDQABw40EDQgNQAIDjUQNSA2AAkONhA2IDcACg43EDcgOAALDjgQOCA5AAQPORA5IDoABQ86EDogOwAGDzsQOyA8AAcPPBA8IAEICA89ED0gARAJDz4QPiABGAoPPxA/IAEgCw9AEEAgAGQEbmFtZQE9BQARX193YXNtX2NhbGxfY3RvcnMBBm1lbWNweQIHbWVtbW92ZQMKdW5jb21wcmVzcwQKcmVmaWxsX3RhZwcSAQAPX19zdGFja19wb2ludGVyCQoBAAcucm9kYXRhADIJcHJvZHVjZXJzAQxwcm9jZXNzZWQtYnkBDFVidW50dSBjbGFuZwsxNi4wLjYgKDE1KQAsD3RhcmdldF9mZWF0dXJlcwIrD211dGFibGUtZ2xvYmFscysIc2lnbi1leHQ='

;// CONCATENATED MODULE: ./node_modules/hyparquet-compressors/src/lz4.js
/**
 * LZ4 decompression with legacy hadoop support.
 * https://github.com/apache/arrow/blob/apache-arrow-16.1.0/cpp/src/arrow/util/compression_lz4.cc#L475
 *
 * @param {Uint8Array} input
 * @param {number} outputLength
 * @returns {Uint8Array}
 */
function decompressLz4(input, outputLength) {
  const output = new Uint8Array(outputLength)
  try {
    let i = 0 // input index
    let o = 0 // output index
    while (i < input.length - 8) {
      const expectedOutputLength = input[i++] << 24 | input[i++] << 16 | input[i++] << 8 | input[i++]
      const expectedInputLength = input[i++] << 24 | input[i++] << 16 | input[i++] << 8 | input[i++]
      if (input.length - i < expectedInputLength) throw new Error('lz4 not hadoop')
      if (output.length < expectedOutputLength) throw new Error('lz4 not hadoop')

      // decompress and compare with expected
      const chunk = lz4basic(input.subarray(i, i + expectedInputLength), output, o)
      if (chunk !== expectedOutputLength) throw new Error('lz4 not hadoop')
      i += expectedInputLength
      o += expectedOutputLength

      if (i === input.length) return output
    }
    if (i < input.length) throw new Error('lz4 not hadoop')
  } catch (error) {
    if (error instanceof Error && error.message !== 'lz4 not hadoop') throw error
    // fallback to basic lz4
    lz4basic(input, output, 0)
  }
  return output
}

/**
 * Basic LZ4 block decompression.
 *
 * @param {Uint8Array} input
 * @param {number} outputLength
 * @returns {Uint8Array}
 */
function decompressLz4Raw(input, outputLength) {
  const output = new Uint8Array(outputLength)
  lz4basic(input, output, 0)
  return output
}

/**
 * @param {Uint8Array} input
 * @param {Uint8Array} output
 * @param {number} outputIndex
 * @returns {number} bytes written
 */
function lz4basic(input, output, outputIndex) {
  let len = outputIndex // output position
  for (let i = 0; i < input.length;) {
    const token = input[i++]

    let literals = token >> 4
    if (literals) {
      // literal length
      let byte = literals + 240
      while (byte === 255) literals += byte = input[i++]
      // copy literals
      output.set(input.subarray(i, i + literals), len)
      len += literals
      i += literals
      if (i >= input.length) return len - outputIndex
    }

    const offset = input[i++] | input[i++] << 8
    if (!offset || offset > len) {
      throw new Error(`lz4 offset out of range ${offset}`)
    }
    // match length
    let matchLength = token & 0xf
    let byte = matchLength + 240
    while (byte === 255) matchLength += byte = input[i++]
    matchLength += 4 // minmatch 4
    // copy match
    // TODO: fast path when no overlap
    let pos = len - offset
    const end = len + matchLength
    while (len < end) output[len++] = output[pos++]
  }
  return len - outputIndex
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-compressors/src/compressors.js






/** @type {import('hyparquet').Compressors} */
const compressors = {
  SNAPPY: snappyUncompressor(), // loads wasm
  GZIP: (input, length) => gzip_gunzip(input, new Uint8Array(length)),
  BROTLI: decompressBrotli,
  ZSTD: input => decompress(input),
  LZ4: decompressLz4,
  LZ4_RAW: decompressLz4Raw,
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-compressors/src/index.js








/**
 * @param {Uint8Array} input
 * @param {number} outputLength
 * @returns {Uint8Array}
 */
function decompressGzip(input, outputLength) {
  return gunzip(input, new Uint8Array(outputLength))
}



;// CONCATENATED MODULE: ./node_modules/hyparquet/src/assemble.js



/**
 * Reconstructs a complex nested structure from flat arrays of values and
 * definition and repetition levels, according to Dremel encoding.
 *
 * @param {any[]} output
 * @param {number[] | undefined} definitionLevels
 * @param {number[]} repetitionLevels
 * @param {DecodedArray} values
 * @param {SchemaTree[]} schemaPath
 * @returns {DecodedArray}
 */
function assembleLists(output, definitionLevels, repetitionLevels, values, schemaPath) {
  const maxDefinitionLevel = getMaxDefinitionLevel(schemaPath)
  const repetitionPath = schemaPath.map(({ element }) => element.repetition_type)
  // ml-smoke patch: a top-level column that does not repeat
  const flat = repetitionPath.length === 2 && repetitionPath[1] !== 'REPEATED'
  // If no def/rep levels, synthesize def levels at max
  if (!definitionLevels?.length && !repetitionLevels.length) {
    // ml-smoke patch: a flat column without levels is its values, as a required column is
    if (!maxDefinitionLevel || !values.length || flat) return values
    definitionLevels = new Array(values.length).fill(maxDefinitionLevel)
  }
  const n = definitionLevels?.length || repetitionLevels.length
  let valueIndex = 0

  // ml-smoke patch: a flat column holds one value or null per definition level, the same result as the
  // nested walk below at a fraction of its cost; a page without nulls is its values.
  if (n && definitionLevels?.length && !repetitionLevels.length && flat) {
    let nulls = 0
    for (let i = 0; i < n; i++) if (definitionLevels[i] !== maxDefinitionLevel) nulls++
    if (!nulls && !output.length && values.length === n) return values
    const start = output.length
    output.length = start + n
    for (let i = 0; i < n; i++) {
      output[start + i] = definitionLevels[i] === maxDefinitionLevel ? values[valueIndex++] : null
    }
    return output
  }

  // Track state of nested structures
  const containerStack = [output]
  let currentContainer = output
  let currentDepth = 0 // schema depth
  let currentDefLevel = 0 // list depth
  let currentRepLevel = 0

  if (repetitionLevels[0]) {
    // continue previous row
    while (currentDepth < repetitionPath.length - 2 && currentRepLevel < repetitionLevels[0]) {
      currentDepth++
      if (repetitionPath[currentDepth] !== 'REQUIRED') {
        // go into last list
        currentContainer = currentContainer.at(-1)
        containerStack.push(currentContainer)
        currentDefLevel++
      }
      if (repetitionPath[currentDepth] === 'REPEATED') currentRepLevel++
    }
  }

  for (let i = 0; i < n; i++) {
    // assert(currentDefLevel === containerStack.length - 1)
    const def = definitionLevels?.length ? definitionLevels[i] : maxDefinitionLevel
    const rep = repetitionLevels[i]

    // Pop up to start of rep level
    while (currentDepth && (rep < currentRepLevel || repetitionPath[currentDepth] !== 'REPEATED')) {
      if (repetitionPath[currentDepth] !== 'REQUIRED') {
        containerStack.pop()
        currentDefLevel--
      }
      if (repetitionPath[currentDepth] === 'REPEATED') currentRepLevel--
      currentDepth--
    }
    // @ts-expect-error won't be empty
    currentContainer = containerStack.at(-1)

    // Go deeper to end of definition level
    while (
      (currentDepth < repetitionPath.length - 2 || repetitionPath[currentDepth + 1] === 'REPEATED') &&
      (currentDefLevel < def || repetitionPath[currentDepth + 1] === 'REQUIRED')
    ) {
      currentDepth++
      if (repetitionPath[currentDepth] !== 'REQUIRED') {
        /** @type {any[]} */
        const newList = []
        currentContainer.push(newList)
        currentContainer = newList
        containerStack.push(newList)
        currentDefLevel++
      }
      if (repetitionPath[currentDepth] === 'REPEATED') currentRepLevel++
    }

    // Add value or null based on definition level
    if (def === maxDefinitionLevel) {
      // assert(currentDepth === maxDefinitionLevel || currentDepth === repetitionPath.length - 2)
      currentContainer.push(values[valueIndex++])
    } else if (currentDepth === repetitionPath.length - 2) {
      // an undefined repeated leaf is an empty list, not a null value
      currentContainer.push(repetitionPath[currentDepth + 1] === 'REPEATED' ? [] : null)
    } else {
      currentContainer.push([])
    }
  }

  // Handle edge cases for empty inputs or single-level data
  if (!output.length) {
    // return max definition level of nested lists
    for (let i = 0; i < maxDefinitionLevel; i++) {
      /** @type {any[]} */
      const newList = []
      currentContainer.push(newList)
      currentContainer = newList
    }
  }

  return output
}

/**
 * Assemble a nested structure from subcolumn data.
 *
 * @param {Map<string, DecodedArray>} subcolumnData
 * @param {SchemaTree} schema top-level schema element
 * @param {ParquetParsers} parsers
 * @param {number} [depth] depth of nested structure
 */
function assembleNested(subcolumnData, schema, parsers, depth = 0) {
  const path = schema.path.join('.')
  const optional = schema.element.repetition_type === 'OPTIONAL'
  const nextDepth = optional ? depth + 1 : depth

  if (isListLike(schema)) {
    let sublist = schema.children[0]
    let subDepth = nextDepth
    if (sublist.children.length === 1) {
      sublist = sublist.children[0]
      subDepth++
    }
    assembleNested(subcolumnData, sublist, parsers, subDepth)

    const subcolumn = sublist.path.join('.')
    const values = subcolumnData.get(subcolumn)
    if (!values) throw new Error('parquet list column missing values')
    if (optional) flattenAtDepth(values, depth)
    subcolumnData.set(path, values)
    subcolumnData.delete(subcolumn)
    return
  }

  if (isMapLike(schema)) {
    const mapName = schema.children[0].element.name

    // Assemble keys and values
    assembleNested(subcolumnData, schema.children[0].children[0], parsers, nextDepth + 1)
    assembleNested(subcolumnData, schema.children[0].children[1], parsers, nextDepth + 1)

    const keys = subcolumnData.get(`${path}.${mapName}.key`)
    const values = subcolumnData.get(`${path}.${mapName}.value`)

    if (!keys) throw new Error('parquet map column missing keys')
    if (!values) throw new Error('parquet map column missing values')
    if (keys.length !== values.length) {
      throw new Error('parquet map column key/value length mismatch')
    }

    const out = assembleMaps(keys, values, nextDepth)
    if (optional) flattenAtDepth(out, depth)

    subcolumnData.delete(`${path}.${mapName}.key`)
    subcolumnData.delete(`${path}.${mapName}.value`)
    subcolumnData.set(path, out)
    return
  }

  // Struct-like column
  if (schema.children.length) {
    // construct a meta struct and then invert
    const invertDepth = schema.element.repetition_type === 'REQUIRED' ? depth : depth + 1
    /** @type {Record<string, any>} */
    const struct = {}
    for (const child of schema.children) {
      assembleNested(subcolumnData, child, parsers, invertDepth)
      const childData = subcolumnData.get(child.path.join('.'))
      if (!childData) throw new Error('parquet struct missing child data')
      struct[child.element.name] = childData
    }
    // remove children
    for (const child of schema.children) {
      subcolumnData.delete(child.path.join('.'))
    }

    // invert struct by depth
    let inverted = invertStruct(struct, invertDepth)
    if (schema.element.logical_type?.type === 'VARIANT') {
      inverted = decodeVariantColumn(inverted, parsers)
    }
    if (optional) flattenAtDepth(inverted, depth)
    subcolumnData.set(path, inverted)
  }
}

/**
 * @import {DecodedArray, ParquetParsers, SchemaTree} from '../src/types.js'
 * @param {DecodedArray} arr
 * @param {number} depth
 */
function flattenAtDepth(arr, depth) {
  for (let i = 0; i < arr.length; i++) {
    if (depth) {
      flattenAtDepth(arr[i], depth - 1)
    } else {
      arr[i] = arr[i].length ? arr[i][0] : null
    }
  }
}

/**
 * @param {DecodedArray} keys
 * @param {DecodedArray} values
 * @param {number} depth
 * @returns {any[]}
 */
function assembleMaps(keys, values, depth) {
  const out = []
  for (let i = 0; i < keys.length; i++) {
    if (depth) {
      out.push(assembleMaps(keys[i], values[i], depth - 1)) // go deeper
    } else {
      if (keys[i]) {
        /** @type {Record<string, any>} */
        const obj = {}
        for (let j = 0; j < keys[i].length; j++) {
          const value = values[i][j]
          obj[keys[i][j]] = value === undefined ? null : value
        }
        out.push(obj)
      } else {
        out.push(undefined)
      }
    }
  }
  return out
}

/**
 * Invert a struct-like object by depth.
 *
 * @param {Record<string, any[]>} struct
 * @param {number} depth
 * @returns {any[]}
 */
function invertStruct(struct, depth) {
  const keys = Object.keys(struct)
  const length = struct[keys[0]]?.length
  const out = []
  for (let i = 0; i < length; i++) {
    /** @type {Record<string, any>} */
    const obj = {}
    for (const key of keys) {
      if (struct[key].length !== length) throw new Error('parquet struct parsing error')
      obj[key] = struct[key][i]
    }
    if (depth) {
      out.push(invertStruct(obj, depth - 1)) // deeper
    } else {
      out.push(obj)
    }
  }
  return out
}

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/alp.js
/**
 * ALP (Adaptive Lossless floating-Point) encoding decoder.
 * Supports FLOAT and DOUBLE types.
 *
 * ALP encodes floating-point values by converting them to integers using
 * decimal scaling, then applying frame of reference (FOR) encoding and
 * bit-packing. Values that cannot be losslessly converted are stored as exceptions.
 *
 * See https://github.com/apache/parquet-format/blob/master/AlpEncoding.md
 */

// Correctly-rounded powers of ten (all exactly representable as doubles)
const POW10 = [
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
  1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
]
const POW10_NEG = [
  1e0, 1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9,
  1e-10, 1e-11, 1e-12, 1e-13, 1e-14, 1e-15, 1e-16, 1e-17, 1e-18,
]
// float32 versions for FLOAT decoding (exponent range [0, 10])
const POW10F = POW10.slice(0, 11).map(Math.fround)
const POW10F_NEG = POW10_NEG.slice(0, 11).map(Math.fround)

/**
 * Decode ALP encoded data.
 *
 * @import {DataReader, DecodedArray, ParquetType} from '../src/types.d.ts'
 * @param {DataReader} reader - data reader positioned at start of ALP data
 * @param {number} count - number of values to decode
 * @param {ParquetType} type - FLOAT or DOUBLE
 * @returns {DecodedArray} decoded float or double array
 */
function alpDecode(reader, count, type) {
  if (type === 'FLOAT') {
    return alpDecodeFloat(reader, count)
  } else if (type === 'DOUBLE') {
    return alpDecodeDouble(reader, count)
  } else {
    throw new Error(`ALP encoding unsupported type: ${type}`)
  }
}

/**
 * Read the ALP page header and offset array, returning vector layout info.
 *
 * @param {DataReader} reader
 * @returns {{ vectorSize: number, numElements: number, numVectors: number, offsetArrayStart: number }}
 */
function readAlpHeader(reader) {
  const { view } = reader
  const compressionMode = view.getUint8(reader.offset++)
  if (compressionMode !== 0) {
    throw new Error(`ALP unsupported compression mode: ${compressionMode}`)
  }
  const integerEncoding = view.getUint8(reader.offset++)
  if (integerEncoding !== 0) {
    throw new Error(`ALP unsupported integer encoding: ${integerEncoding}`)
  }
  const logVectorSize = view.getUint8(reader.offset++)
  if (logVectorSize < 3 || logVectorSize > 15) {
    throw new Error(`ALP invalid log_vector_size: ${logVectorSize}`)
  }
  const vectorSize = 1 << logVectorSize
  const numElements = view.getInt32(reader.offset, true)
  reader.offset += 4
  const numVectors = Math.ceil(numElements / vectorSize)
  const offsetArrayStart = reader.offset
  reader.offset += numVectors * 4
  return { vectorSize, numElements, numVectors, offsetArrayStart }
}

/**
 * Decode ALP encoded float data.
 *
 * @param {DataReader} reader
 * @param {number} count
 * @returns {Float32Array}
 */
function alpDecodeFloat(reader, count) {
  const { view } = reader
  const { vectorSize, numElements, numVectors, offsetArrayStart } = readAlpHeader(reader)
  if (numElements !== count) {
    throw new Error(`ALP num_elements ${numElements} does not match expected ${count}`)
  }

  const output = new Float32Array(count)
  const outputBytes = new Uint8Array(output.buffer)

  for (let v = 0; v < numVectors; v++) {
    reader.offset = offsetArrayStart + view.getUint32(offsetArrayStart + v * 4, true)
    const outputOffset = v * vectorSize
    const n = Math.min(vectorSize, numElements - outputOffset)

    // AlpInfo (4 bytes)
    const exponent = view.getUint8(reader.offset++)
    const factor = view.getUint8(reader.offset++)
    const numExceptions = view.getUint16(reader.offset, true)
    reader.offset += 2

    // ForInfo (5 bytes)
    const frameOfReference = view.getInt32(reader.offset, true)
    reader.offset += 4
    const bitWidth = view.getUint8(reader.offset++)

    // PackedValues
    const deltas = unpackBits(reader, n, bitWidth)

    // Reverse FOR (wrapping int32) and decimal decode in float32 arithmetic
    const mulFactor = POW10F[factor]
    const mulExponent = POW10F_NEG[exponent]
    for (let i = 0; i < n; i++) {
      const encoded = deltas[i] + frameOfReference | 0
      output[outputOffset + i] = Math.fround(Math.fround(encoded) * mulFactor) * mulExponent
    }

    patchExceptions(reader, numExceptions, 4, outputBytes, outputOffset)
  }

  return output
}

/**
 * Decode ALP encoded double data.
 *
 * @param {DataReader} reader
 * @param {number} count
 * @returns {Float64Array}
 */
function alpDecodeDouble(reader, count) {
  const { view } = reader
  const { vectorSize, numElements, numVectors, offsetArrayStart } = readAlpHeader(reader)
  if (numElements !== count) {
    throw new Error(`ALP num_elements ${numElements} does not match expected ${count}`)
  }

  const output = new Float64Array(count)
  const outputBytes = new Uint8Array(output.buffer)

  for (let v = 0; v < numVectors; v++) {
    reader.offset = offsetArrayStart + view.getUint32(offsetArrayStart + v * 4, true)
    const outputOffset = v * vectorSize
    const n = Math.min(vectorSize, numElements - outputOffset)

    // AlpInfo (4 bytes)
    const exponent = view.getUint8(reader.offset++)
    const factor = view.getUint8(reader.offset++)
    const numExceptions = view.getUint16(reader.offset, true)
    reader.offset += 2

    // ForInfo (9 bytes)
    const frameOfReference = view.getBigInt64(reader.offset, true)
    reader.offset += 8
    const bitWidth = view.getUint8(reader.offset++)

    const mulFactor = POW10[factor]
    const mulExponent = POW10_NEG[exponent]
    const forNumber = Number(frameOfReference)
    if (bitWidth <= 32 && Number.isSafeInteger(forNumber)) {
      // Fast path: deltas and frame of reference are exact as doubles,
      // so delta + FOR rounds identically to an int64 -> double cast.
      const deltas = unpackBits(reader, n, bitWidth)
      for (let i = 0; i < n; i++) {
        output[outputOffset + i] = (deltas[i] + forNumber) * mulFactor * mulExponent
      }
    } else {
      // Wide values: use BigInt for exact wrapping int64 arithmetic
      const deltas = unpackBitsBig(reader, n, bitWidth)
      for (let i = 0; i < n; i++) {
        const encoded = BigInt.asIntN(64, deltas[i] + frameOfReference)
        output[outputOffset + i] = Number(encoded) * mulFactor * mulExponent
      }
    }

    patchExceptions(reader, numExceptions, 8, outputBytes, outputOffset)
  }

  return output
}

/**
 * Read exception positions and values, and copy the raw IEEE-754 bytes
 * into the output (preserving NaN payloads bit-for-bit).
 *
 * @param {DataReader} reader
 * @param {number} numExceptions
 * @param {number} byteSize - 4 for float, 8 for double
 * @param {Uint8Array} outputBytes - byte view of the output array
 * @param {number} outputOffset - element index of the current vector
 */
function patchExceptions(reader, numExceptions, byteSize, outputBytes, outputOffset) {
  if (!numExceptions) return
  const { view } = reader
  const positionsStart = reader.offset
  const valuesStart = positionsStart + numExceptions * 2
  const source = new Uint8Array(view.buffer, view.byteOffset + valuesStart, numExceptions * byteSize)
  for (let e = 0; e < numExceptions; e++) {
    const pos = view.getUint16(positionsStart + e * 2, true)
    const dest = (outputOffset + pos) * byteSize
    outputBytes.set(source.subarray(e * byteSize, (e + 1) * byteSize), dest)
  }
  reader.offset = valuesStart + numExceptions * byteSize
}

/**
 * Unpack LSB-first bit-packed unsigned values with bitWidth <= 32.
 * Consumes ceil(count * bitWidth / 8) bytes from the reader.
 *
 * @param {DataReader} reader
 * @param {number} count - number of values to unpack
 * @param {number} bitWidth - bits per value
 * @returns {Uint32Array}
 */
function unpackBits(reader, count, bitWidth) {
  const output = new Uint32Array(count)
  if (!bitWidth) return output
  const { view } = reader
  const start = reader.offset
  const modulus = 2 ** bitWidth
  let bitPos = 0
  for (let i = 0; i < count; i++) {
    let byteIndex = start + (bitPos >>> 3)
    const shift = bitPos & 7
    // accumulate as a double to avoid 32-bit overflow (at most 40 bits needed)
    let value = view.getUint8(byteIndex++) >>> shift
    let bits = 8 - shift
    while (bits < bitWidth) {
      value += view.getUint8(byteIndex++) * 2 ** bits
      bits += 8
    }
    output[i] = value % modulus
    bitPos += bitWidth
  }
  reader.offset = start + Math.ceil(count * bitWidth / 8)
  return output
}

/**
 * Unpack LSB-first bit-packed unsigned values with bitWidth <= 64 as BigInts.
 * Consumes ceil(count * bitWidth / 8) bytes from the reader.
 *
 * @param {DataReader} reader
 * @param {number} count - number of values to unpack
 * @param {number} bitWidth - bits per value
 * @returns {BigUint64Array}
 */
function unpackBitsBig(reader, count, bitWidth) {
  const output = new BigUint64Array(count)
  if (!bitWidth) return output
  const { view } = reader
  const start = reader.offset
  const mask = (1n << BigInt(bitWidth)) - 1n
  let buffer = 0n
  let bitsInBuffer = 0
  let byteIndex = start
  for (let i = 0; i < count; i++) {
    while (bitsInBuffer < bitWidth) {
      buffer |= BigInt(view.getUint8(byteIndex++)) << BigInt(bitsInBuffer)
      bitsInBuffer += 8
    }
    output[i] = buffer & mask
    buffer >>= BigInt(bitWidth)
    bitsInBuffer -= bitWidth
  }
  reader.offset = start + Math.ceil(count * bitWidth / 8)
  return output
}

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/delta.js
/**
 * @import {DataReader} from '../src/types.js'
 */



/**
 * @param {DataReader} reader
 * @param {number} count number of values to read
 * @param {Int32Array | BigInt64Array} output
 */
function deltaBinaryUnpack(reader, count, output) {
  if (output instanceof Int32Array) {
    deltaBinaryUnpackInt32(reader, count, output)
    return
  }
  const blockSize = readVarInt(reader)
  const miniblockPerBlock = readVarInt(reader)
  readVarInt(reader) // assert(=== count)
  let value = readZigZagBigInt(reader) // first value
  let outputIndex = 0
  output[outputIndex++] = value

  const valuesPerMiniblock = blockSize / miniblockPerBlock

  while (outputIndex < count) {
    // new block
    const minDelta = readZigZagBigInt(reader)
    const bitWidths = new Uint8Array(miniblockPerBlock)
    for (let i = 0; i < miniblockPerBlock; i++) {
      bitWidths[i] = reader.view.getUint8(reader.offset++)
    }

    for (let i = 0; i < miniblockPerBlock && outputIndex < count; i++) {
      // new miniblock
      const bitWidth = bitWidths[i]
      if (bitWidth) {
        // Miniblock data lengths are multiples of four bytes.
        let bitpackPos = 0
        let miniblockCount = valuesPerMiniblock
        const mask = (1n << BigInt(bitWidth)) - 1n
        while (miniblockCount && outputIndex < count) {
          let bits = BigInt(reader.view.getUint32(reader.offset, true) >>> bitpackPos) & mask // TODO: don't re-read value every time
          bitpackPos += bitWidth
          while (bitpackPos >= 32) {
            bitpackPos -= 32
            reader.offset += 4
            if (bitpackPos) {
              bits |= BigInt(reader.view.getUint32(reader.offset, true)) << BigInt(bitWidth - bitpackPos) & mask
            }
          }
          const delta = minDelta + bits
          value += delta
          output[outputIndex++] = value
          miniblockCount--
        }
        if (miniblockCount) {
          // consume leftover miniblock
          reader.offset += Math.ceil((miniblockCount * bitWidth + bitpackPos) / 8)
        }
      } else {
        for (let j = 0; j < valuesPerMiniblock && outputIndex < count; j++) {
          value += minDelta
          output[outputIndex++] = value
        }
      }
    }
  }
}

/**
 * Decode INT32 without BigInt arithmetic in the per-value loop.
 *
 * @param {DataReader} reader
 * @param {number} count
 * @param {Int32Array} output
 */
function deltaBinaryUnpackInt32(reader, count, output) {
  const blockSize = readVarInt(reader)
  const miniblockPerBlock = readVarInt(reader)
  readVarInt(reader)
  let value = readZigZag(reader)
  let outputIndex = 0
  output[outputIndex++] = value
  const valuesPerMiniblock = blockSize / miniblockPerBlock
  const { view } = reader
  while (outputIndex < count) {
    const minDelta = readZigZagInt33(reader)
    const bitWidthsOffset = reader.offset
    let offset = bitWidthsOffset + miniblockPerBlock
    for (let i = 0; i < miniblockPerBlock && outputIndex < count; i++) {
      const bitWidth = view.getUint8(bitWidthsOffset + i)
      const end = offset + valuesPerMiniblock * bitWidth / 8
      let bitOffset = 0
      for (let j = 0; j < valuesPerMiniblock && outputIndex < count; j++) {
        let residual = 0
        let bitsRead = 0
        while (bitsRead < bitWidth) {
          const bitsToRead = Math.min(8 - bitOffset, bitWidth - bitsRead)
          // Residual bits at 32 and above vanish modulo 2^32.
          if (bitsRead < 32) {
            residual |= (view.getUint8(offset) >>> bitOffset & (1 << bitsToRead) - 1) << bitsRead
          }
          bitsRead += bitsToRead
          bitOffset += bitsToRead
          if (bitOffset === 8) {
            bitOffset = 0
            offset++
          }
        }
        // Parquet INT32 delta arithmetic wraps in two's complement.
        value = value + minDelta + residual | 0
        output[outputIndex++] = value
      }
      // Consume the entire padded miniblock, but not unused miniblock bodies.
      offset = end
    }
    reader.offset = offset
  }
}

/**
 * Read a zigzag varint modulo 2^32. INT32 deltas can need 33 bits, which
 * readZigZag truncates, but only the low 32 bits of the decoded value matter.
 * readVarInt keeps the low 32 zigzag bits of a 5-byte varint; bit 32 is bit 4
 * of the fifth byte. Reusing readVarInt keeps the caller's hot loop fast.
 *
 * @param {DataReader} reader
 * @returns {number}
 */
function readZigZagInt33(reader) {
  const start = reader.offset
  const low = readVarInt(reader)
  const high = reader.offset - start === 5 ? reader.view.getUint8(start + 4) >>> 4 & 1 : 0
  return (low >>> 1 | high << 31) ^ -(low & 1)
}

/**
 * @param {DataReader} reader
 * @param {number} count
 * @param {Uint8Array[]} output
 */
function deltaLengthByteArray(reader, count, output) {
  const lengths = new Int32Array(count)
  deltaBinaryUnpack(reader, count, lengths)
  for (let i = 0; i < count; i++) {
    output[i] = new Uint8Array(reader.view.buffer, reader.view.byteOffset + reader.offset, lengths[i])
    reader.offset += lengths[i]
  }
}

/**
 * @param {DataReader} reader
 * @param {number} count
 * @param {Uint8Array[]} output
 */
function deltaByteArray(reader, count, output) {
  const prefixData = new Int32Array(count)
  deltaBinaryUnpack(reader, count, prefixData)
  const suffixData = new Int32Array(count)
  deltaBinaryUnpack(reader, count, suffixData)

  for (let i = 0; i < count; i++) {
    const suffix = new Uint8Array(reader.view.buffer, reader.view.byteOffset + reader.offset, suffixData[i])
    if (prefixData[i]) {
      // copy from previous value
      output[i] = new Uint8Array(prefixData[i] + suffixData[i])
      output[i].set(output[i - 1].subarray(0, prefixData[i]))
      output[i].set(suffix, prefixData[i])
    } else {
      output[i] = suffix
    }
    reader.offset += suffixData[i]
  }
}

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/encoding.js
/**
 * @import {DataReader, DecodedArray, ParquetType} from '../src/types.js'
 */



/**
 * Read values from a run-length encoded/bit-packed hybrid encoding.
 *
 * If length is zero, then read int32 length at the start.
 *
 * @param {DataReader} reader
 * @param {number} width - bitwidth
 * @param {DecodedArray} output
 * @param {number} [length] - length of the encoded data
 */
function readRleBitPackedHybrid(reader, width, output, length) {
  if (length === undefined) {
    length = reader.view.getUint32(reader.offset, true)
    reader.offset += 4
  }
  const startOffset = reader.offset
  let seen = 0
  while (seen < output.length) {
    const header = readVarInt(reader)
    if (header & 1) {
      // bit-packed
      seen = readBitPacked(reader, header, width, output, seen)
    } else {
      // rle
      const count = header >>> 1
      readRle(reader, count, width, output, seen)
      seen += count
    }
  }
  reader.offset = startOffset + length // duckdb writes an empty block
}

/**
 * Run-length encoding: read value with bitWidth and repeat it count times.
 *
 * @param {DataReader} reader
 * @param {number} count
 * @param {number} bitWidth
 * @param {DecodedArray} output
 * @param {number} seen
 */
function readRle(reader, count, bitWidth, output, seen) {
  const width = bitWidth + 7 >> 3
  let value = 0
  for (let i = 0; i < width; i++) {
    value |= reader.view.getUint8(reader.offset++) << (i << 3)
  }
  // assert(value < 1 << bitWidth)

  // repeat value count times
  // ml-smoke patch: a run is cut at the end of the output (a damaged page may declare billions of values,
  // which grew a JS array past its length until it threw "Invalid array length" at 2 GB)
  const end = Math.min(count, output.length - seen)
  for (let i = 0; i < end; i++) {
    output[seen + i] = value
  }
}

/**
 * Read a bit-packed run of the rle/bitpack hybrid.
 * Supports width > 8 (crossing bytes).
 *
 * @param {DataReader} reader
 * @param {number} header - bit-pack header
 * @param {number} bitWidth
 * @param {DecodedArray} output
 * @param {number} seen
 * @returns {number} total output values so far
 */
function readBitPacked(reader, header, bitWidth, output, seen) {
  let count = header >> 1 << 3 // values to read
  const mask = (1 << bitWidth) - 1

  let data = 0
  if (reader.offset < reader.view.byteLength) {
    data = reader.view.getUint8(reader.offset++)
  } else if (mask) {
    // sometimes out-of-bounds reads are masked out
    throw new Error(`parquet bitpack offset ${reader.offset} out of range`)
  }
  let left = 8
  let right = 0

  // read values
  while (count) {
    // if we have crossed a byte boundary, shift the data
    if (right > 8) {
      right -= 8
      left -= 8
      data >>>= 8
    } else if (left - right < bitWidth) {
      // if we don't have bitWidth number of bits to read, read next byte
      data |= reader.view.getUint8(reader.offset) << left
      reader.offset++
      left += 8
    } else {
      if (seen < output.length) {
        // emit value
        output[seen++] = data >> right & mask
      }
      count--
      right += bitWidth
    }
  }

  return seen
}

/**
 * @param {DataReader} reader
 * @param {number} count
 * @param {ParquetType} type
 * @param {number | undefined} typeLength
 * @returns {DecodedArray}
 */
function byteStreamSplit(reader, count, type, typeLength) {
  const width = byteWidth(type, typeLength)
  const bytes = new Uint8Array(count * width)
  for (let b = 0; b < width; b++) {
    for (let i = 0; i < count; i++) {
      bytes[i * width + b] = reader.view.getUint8(reader.offset++)
    }
  }
  // interpret bytes as typed array
  if (type === 'FLOAT') return new Float32Array(bytes.buffer)
  else if (type === 'DOUBLE') return new Float64Array(bytes.buffer)
  else if (type === 'INT32') return new Int32Array(bytes.buffer)
  else if (type === 'INT64') return new BigInt64Array(bytes.buffer)
  else if (type === 'FIXED_LEN_BYTE_ARRAY') {
    // split into arrays of typeLength
    const split = new Array(count)
    for (let i = 0; i < count; i++) {
      split[i] = bytes.subarray(i * width, (i + 1) * width)
    }
    return split
  }
  throw new Error(`parquet byte_stream_split unsupported type: ${type}`)
}

/**
 * @param {ParquetType} type
 * @param {number | undefined} typeLength
 * @returns {number}
 */
function byteWidth(type, typeLength) {
  switch (type) {
  case 'INT32':
  case 'FLOAT':
    return 4
  case 'INT64':
  case 'DOUBLE':
    return 8
  case 'FIXED_LEN_BYTE_ARRAY':
    if (!typeLength) throw new Error('parquet byteWidth missing type_length')
    return typeLength
  default:
    throw new Error(`parquet unsupported type: ${type}`)
  }
}

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/plain.js
/**
 * Read `count` values of the given type from the reader.view.
 *
 * @param {DataReader} reader - buffer to read data from
 * @param {ParquetType} type - parquet type of the data
 * @param {number} count - number of values to read
 * @param {number | undefined} fixedLength - length of each fixed length byte array
 * @returns {DecodedArray} array of values
 */
function readPlain(reader, type, count, fixedLength) {
  if (count === 0) return []
  if (type === 'BOOLEAN') {
    return readPlainBoolean(reader, count)
  } else if (type === 'INT32') {
    return readPlainInt32(reader, count)
  } else if (type === 'INT64') {
    return readPlainInt64(reader, count)
  } else if (type === 'INT96') {
    return readPlainInt96(reader, count)
  } else if (type === 'FLOAT') {
    return readPlainFloat(reader, count)
  } else if (type === 'DOUBLE') {
    return readPlainDouble(reader, count)
  } else if (type === 'BYTE_ARRAY') {
    return readPlainByteArray(reader, count)
  } else if (type === 'FIXED_LEN_BYTE_ARRAY') {
    if (!fixedLength) throw new Error('parquet missing fixed length')
    return readPlainByteArrayFixed(reader, count, fixedLength)
  } else {
    throw new Error(`parquet unhandled type: ${type}`)
  }
}

/**
 * Read `count` boolean values.
 *
 * @param {DataReader} reader
 * @param {number} count
 * @returns {boolean[]}
 */
function readPlainBoolean(reader, count) {
  const values = new Array(count)
  for (let i = 0; i < count; i++) {
    const byteOffset = reader.offset + (i / 8 | 0)
    const bitOffset = i % 8
    const byte = reader.view.getUint8(byteOffset)
    values[i] = (byte & 1 << bitOffset) !== 0
  }
  reader.offset += Math.ceil(count / 8)
  return values
}

/**
 * Read `count` int32 values.
 *
 * @param {DataReader} reader
 * @param {number} count
 * @returns {Int32Array}
 */
function readPlainInt32(reader, count) {
  const values = (reader.view.byteOffset + reader.offset) % 4
    ? new Int32Array(align(reader.view.buffer, reader.view.byteOffset + reader.offset, count * 4))
    : new Int32Array(reader.view.buffer, reader.view.byteOffset + reader.offset, count)
  reader.offset += count * 4
  return values
}

/**
 * Read `count` int64 values.
 *
 * @param {DataReader} reader
 * @param {number} count
 * @returns {BigInt64Array}
 */
function readPlainInt64(reader, count) {
  const values = (reader.view.byteOffset + reader.offset) % 8
    ? new BigInt64Array(align(reader.view.buffer, reader.view.byteOffset + reader.offset, count * 8))
    : new BigInt64Array(reader.view.buffer, reader.view.byteOffset + reader.offset, count)
  reader.offset += count * 8
  return values
}

/**
 * Read `count` int96 values.
 *
 * @param {DataReader} reader
 * @param {number} count
 * @returns {bigint[]}
 */
function readPlainInt96(reader, count) {
  const values = new Array(count)
  for (let i = 0; i < count; i++) {
    const low = reader.view.getBigInt64(reader.offset + i * 12, true)
    const high = reader.view.getInt32(reader.offset + i * 12 + 8, true)
    values[i] = BigInt(high) << 64n | low
  }
  reader.offset += count * 12
  return values
}

/**
 * Read `count` float values.
 *
 * @param {DataReader} reader
 * @param {number} count
 * @returns {Float32Array}
 */
function readPlainFloat(reader, count) {
  const values = (reader.view.byteOffset + reader.offset) % 4
    ? new Float32Array(align(reader.view.buffer, reader.view.byteOffset + reader.offset, count * 4))
    : new Float32Array(reader.view.buffer, reader.view.byteOffset + reader.offset, count)
  reader.offset += count * 4
  return values
}

/**
 * Read `count` double values.
 *
 * @param {DataReader} reader
 * @param {number} count
 * @returns {Float64Array}
 */
function readPlainDouble(reader, count) {
  const values = (reader.view.byteOffset + reader.offset) % 8
    ? new Float64Array(align(reader.view.buffer, reader.view.byteOffset + reader.offset, count * 8))
    : new Float64Array(reader.view.buffer, reader.view.byteOffset + reader.offset, count)
  reader.offset += count * 8
  return values
}

/**
 * Read `count` byte array values.
 *
 * @param {DataReader} reader
 * @param {number} count
 * @returns {Uint8Array[]}
 */
function readPlainByteArray(reader, count) {
  const values = new Array(count)
  for (let i = 0; i < count; i++) {
    const length = reader.view.getUint32(reader.offset, true)
    reader.offset += 4
    values[i] = new Uint8Array(reader.view.buffer, reader.view.byteOffset + reader.offset, length)
    reader.offset += length
  }
  return values
}

/**
 * Read a fixed length byte array.
 *
 * @param {DataReader} reader
 * @param {number} count
 * @param {number} fixedLength
 * @returns {Uint8Array[]}
 */
function readPlainByteArrayFixed(reader, count, fixedLength) {
  // assert(reader.view.byteLength - reader.offset >= count * fixedLength)
  const values = new Array(count)
  for (let i = 0; i < count; i++) {
    values[i] = new Uint8Array(reader.view.buffer, reader.view.byteOffset + reader.offset, fixedLength)
    reader.offset += fixedLength
  }
  return values
}

/**
 * Create a new buffer with the offset and size.
 *
 * @import {DataReader, DecodedArray, ParquetType} from '../src/types.js'
 * @param {ArrayBufferLike} buffer
 * @param {number} offset
 * @param {number} size
 * @returns {ArrayBuffer}
 */
function align(buffer, offset, size) {
  const aligned = new ArrayBuffer(size)
  new Uint8Array(aligned).set(new Uint8Array(buffer, offset, size))
  return aligned
}

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/snappy.js
/**
 * The MIT License (MIT)
 * Copyright (c) 2016 Zhipeng Jia
 * https://github.com/zhipeng-jia/snappyjs
 */

const WORD_MASK = [0, 0xff, 0xffff, 0xffffff, 0xffffffff]

/**
 * Copy bytes from one array to another
 *
 * @param {Uint8Array} fromArray source array
 * @param {number} fromPos source position
 * @param {Uint8Array} toArray destination array
 * @param {number} toPos destination position
 * @param {number} length number of bytes to copy
 */
function copyBytes(fromArray, fromPos, toArray, toPos, length) {
  for (let i = 0; i < length; i++) {
    toArray[toPos + i] = fromArray[fromPos + i]
  }
}

/**
 * Decompress snappy data.
 * Accepts an output buffer to avoid allocating a new buffer for each call.
 *
 * @param {Uint8Array} input compressed data
 * @param {Uint8Array} output output buffer
 */
function snappy_snappyUncompress(input, output) {
  const inputLength = input.byteLength
  const outputLength = output.byteLength
  let pos = 0
  let outPos = 0

  // skip preamble (contains uncompressed length as varint)
  while (pos < inputLength) {
    const c = input[pos]
    pos++
    if (c < 128) {
      break
    }
  }
  if (outputLength && pos >= inputLength) {
    throw new Error('invalid snappy length header')
  }

  while (pos < inputLength) {
    const c = input[pos]
    let len = 0
    pos++

    if (pos >= inputLength) {
      throw new Error('missing eof marker')
    }

    // There are two types of elements, literals and copies (back references)
    if ((c & 0x3) === 0) {
      // Literals are uncompressed data stored directly in the byte stream
      let len = (c >>> 2) + 1
      // Longer literal length is encoded in multiple bytes
      if (len > 60) {
        if (pos + 3 >= inputLength) {
          throw new Error('snappy error literal pos + 3 >= inputLength')
        }
        const lengthSize = len - 60 // length bytes - 1
        len = input[pos]
          + (input[pos + 1] << 8)
          + (input[pos + 2] << 16)
          + (input[pos + 3] << 24)
        len = (len & WORD_MASK[lengthSize]) + 1
        pos += lengthSize
      }
      if (pos + len > inputLength) {
        throw new Error('snappy error literal exceeds input length')
      }
      copyBytes(input, pos, output, outPos, len)
      pos += len
      outPos += len
    } else {
      // Copy elements
      let offset = 0 // offset back from current position to read
      switch (c & 0x3) {
      case 1:
        // Copy with 1-byte offset
        len = (c >>> 2 & 0x7) + 4
        offset = input[pos] + (c >>> 5 << 8)
        pos++
        break
      case 2:
        // Copy with 2-byte offset
        if (inputLength <= pos + 1) {
          throw new Error('snappy error end of input')
        }
        len = (c >>> 2) + 1
        offset = input[pos] + (input[pos + 1] << 8)
        pos += 2
        break
      case 3:
        // Copy with 4-byte offset
        if (inputLength <= pos + 3) {
          throw new Error('snappy error end of input')
        }
        len = (c >>> 2) + 1
        offset = input[pos]
          + (input[pos + 1] << 8)
          + (input[pos + 2] << 16)
          + (input[pos + 3] << 24)
        pos += 4
        break
      default:
        break
      }
      if (offset === 0 || isNaN(offset)) {
        throw new Error(`invalid offset ${offset} pos ${pos} inputLength ${inputLength}`)
      }
      if (offset > outPos) {
        throw new Error('cannot copy from before start of buffer')
      }
      copyBytes(output, outPos - offset, output, outPos, len)
      outPos += len
    }
  }

  if (outPos !== outputLength) throw new Error('premature end of input')
}

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/datapage.js
/**
 * @import {ColumnDecoder, CompressionCodec, Compressors, DataPage, DataPageHeader, DataPageHeaderV2, DataReader, DecodedArray, PageHeader, SchemaTree} from '../src/types.js'
 */









/**
 * Read a data page from uncompressed reader.
 *
 * @param {Uint8Array} bytes raw page data (should already be decompressed)
 * @param {DataPageHeader} daph data page header
 * @param {ColumnDecoder} columnDecoder
 * @returns {DataPage} definition levels, repetition levels, and array of values
 */
function readDataPage(bytes, daph, { type, element, schemaPath }) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const reader = { view, offset: 0 }
  /** @type {DecodedArray} */
  let dataPage

  // repetition and definition levels
  const repetitionLevels = readRepetitionLevels(reader, daph, schemaPath)
  // assert(!repetitionLevels.length || repetitionLevels.length === daph.num_values)
  const { definitionLevels, numNulls } = readDefinitionLevels(reader, daph, schemaPath)
  // assert(!definitionLevels.length || definitionLevels.length === daph.num_values)

  // read values based on encoding
  const nValues = daph.num_values - numNulls
  if (daph.encoding === 'PLAIN') {
    dataPage = readPlain(reader, type, nValues, element.type_length)
  } else if (
    daph.encoding === 'PLAIN_DICTIONARY' ||
    daph.encoding === 'RLE_DICTIONARY' ||
    daph.encoding === 'RLE'
  ) {
    const bitWidth = type === 'BOOLEAN' ? 1 : view.getUint8(reader.offset++)
    if (bitWidth) {
      dataPage = new Array(nValues)
      if (type === 'BOOLEAN') {
        readRleBitPackedHybrid(reader, bitWidth, dataPage)
        dataPage = dataPage.map(x => !!x) // convert to boolean
      } else {
        // assert(daph.encoding.endsWith('_DICTIONARY'))
        readRleBitPackedHybrid(reader, bitWidth, dataPage, view.byteLength - reader.offset)
      }
    } else {
      dataPage = new Uint8Array(nValues) // nValue zeroes
    }
  } else if (daph.encoding === 'BYTE_STREAM_SPLIT') {
    dataPage = byteStreamSplit(reader, nValues, type, element.type_length)
  } else if (daph.encoding === 'ALP') {
    dataPage = alpDecode(reader, nValues, type)
  } else if (daph.encoding === 'DELTA_BINARY_PACKED') {
    const int32 = type === 'INT32'
    dataPage = int32 ? new Int32Array(nValues) : new BigInt64Array(nValues)
    deltaBinaryUnpack(reader, nValues, dataPage)
  } else if (daph.encoding === 'DELTA_LENGTH_BYTE_ARRAY') {
    dataPage = new Array(nValues)
    deltaLengthByteArray(reader, nValues, dataPage)
  } else if (daph.encoding === 'DELTA_BYTE_ARRAY') {
    dataPage = new Array(nValues)
    deltaByteArray(reader, nValues, dataPage)
  } else {
    throw new Error(`parquet unsupported encoding: ${daph.encoding}`)
  }

  return { definitionLevels, repetitionLevels, dataPage }
}

/**
 * @param {DataReader} reader data view for the page
 * @param {DataPageHeader} daph data page header
 * @param {SchemaTree[]} schemaPath
 * @returns {any[]} repetition levels and number of bytes read
 */
function readRepetitionLevels(reader, daph, schemaPath) {
  if (schemaPath.length > 1) {
    const maxRepetitionLevel = getMaxRepetitionLevel(schemaPath)
    if (maxRepetitionLevel) {
      const values = new Array(daph.num_values)
      readRleBitPackedHybrid(reader, bitWidth(maxRepetitionLevel), values)
      return values
    }
  }
  return []
}

/**
 * @param {DataReader} reader data view for the page
 * @param {DataPageHeader} daph data page header
 * @param {SchemaTree[]} schemaPath
 * @returns {{ definitionLevels: number[], numNulls: number }} definition levels
 */
function readDefinitionLevels(reader, daph, schemaPath) {
  const maxDefinitionLevel = getMaxDefinitionLevel(schemaPath)
  if (!maxDefinitionLevel) return { definitionLevels: [], numNulls: 0 }
  // ml-smoke patch: levels that are one run of the maximum (a page without nulls) are not materialized,
  // and levels that are are bytes rather than a generic array.
  if (isRunOf(reader, maxDefinitionLevel, daph.num_values)) return { definitionLevels: [], numNulls: 0 }

  const definitionLevels = maxDefinitionLevel < 256 ? new Uint8Array(daph.num_values) : new Array(daph.num_values)
  readRleBitPackedHybrid(reader, bitWidth(maxDefinitionLevel), definitionLevels)

  // count nulls
  let numNulls = daph.num_values
  for (const def of definitionLevels) {
    if (def === maxDefinitionLevel) numNulls--
  }
  if (numNulls === 0) return { definitionLevels: [], numNulls }

  return { definitionLevels, numNulls }
}

/**
 * ml-smoke patch: whether length-prefixed RLE/bit-packed levels are a single run of `level` covering
 * `count` values; if so, the reader is moved past them.
 *
 * @param {DataReader} reader
 * @param {number} level
 * @param {number} count
 * @returns {boolean}
 */
function isRunOf(reader, level, count) {
  const length = reader.view.getUint32(reader.offset, true)
  const peek = { view: reader.view, offset: reader.offset + 4 }
  const header = readVarInt(peek)
  if (header & 1 || header >>> 1 < count) return false
  const width = bitWidth(level) + 7 >> 3
  let value = 0
  for (let i = 0; i < width; i++) value |= reader.view.getUint8(peek.offset++) << (i << 3)
  if (value !== level) return false
  reader.offset += 4 + length
  return true
}

/**
 * @param {Uint8Array} compressedBytes
 * @param {number} uncompressed_page_size
 * @param {CompressionCodec} codec
 * @param {Compressors | undefined} compressors
 * @returns {Uint8Array}
 */
function decompressPage(compressedBytes, uncompressed_page_size, codec, compressors) {
  /** @type {Uint8Array} */
  let page
  const customDecompressor = compressors?.[codec]
  if (codec === 'UNCOMPRESSED') {
    page = compressedBytes
  } else if (customDecompressor) {
    page = customDecompressor(compressedBytes, uncompressed_page_size)
  } else if (codec === 'SNAPPY') {
    page = new Uint8Array(uncompressed_page_size)
    snappy_snappyUncompress(compressedBytes, page)
  } else {
    throw new Error(`parquet unsupported compression codec: ${codec}`)
  }
  if (page?.length !== uncompressed_page_size) {
    throw new Error(`parquet decompressed page length ${page?.length} does not match header ${uncompressed_page_size}`)
  }
  return page
}


/**
 * Read a data page from the given Uint8Array.
 *
 * @param {Uint8Array} compressedBytes raw page data
 * @param {PageHeader} ph page header
 * @param {ColumnDecoder} columnDecoder
 * @returns {DataPage} definition levels, repetition levels, and array of values
 */
function readDataPageV2(compressedBytes, ph, columnDecoder) {
  const view = new DataView(compressedBytes.buffer, compressedBytes.byteOffset, compressedBytes.byteLength)
  const reader = { view, offset: 0 }
  const { type, element, schemaPath, codec, compressors } = columnDecoder
  const daph2 = ph.data_page_header_v2
  if (!daph2) throw new Error('parquet data page header v2 is undefined')

  // repetition levels
  const repetitionLevels = readRepetitionLevelsV2(reader, daph2, schemaPath)
  reader.offset = daph2.repetition_levels_byte_length // readVarInt() => len for boolean v2?

  // definition levels
  const definitionLevels = readDefinitionLevelsV2(reader, daph2, schemaPath)
  // assert(reader.offset === daph2.repetition_levels_byte_length + daph2.definition_levels_byte_length)

  const uncompressedPageSize = ph.uncompressed_page_size - daph2.definition_levels_byte_length - daph2.repetition_levels_byte_length

  let page = compressedBytes.subarray(reader.offset)
  // a page with no values may have zero compressed bytes, which is not a valid stream
  if (daph2.is_compressed !== false && uncompressedPageSize) {
    page = decompressPage(page, uncompressedPageSize, codec, compressors)
  }
  const pageView = new DataView(page.buffer, page.byteOffset, page.byteLength)
  const pageReader = { view: pageView, offset: 0 }

  // read values based on encoding
  /** @type {DecodedArray} */
  let dataPage
  const nValues = daph2.num_values - daph2.num_nulls
  if (daph2.encoding === 'PLAIN') {
    dataPage = readPlain(pageReader, type, nValues, element.type_length)
  } else if (daph2.encoding === 'RLE') {
    // assert(type === 'BOOLEAN')
    dataPage = new Array(nValues)
    readRleBitPackedHybrid(pageReader, 1, dataPage)
    dataPage = dataPage.map(x => !!x)
  } else if (
    daph2.encoding === 'PLAIN_DICTIONARY' ||
    daph2.encoding === 'RLE_DICTIONARY'
  ) {
    const bitWidth = pageView.getUint8(pageReader.offset++)
    dataPage = new Array(nValues)
    readRleBitPackedHybrid(pageReader, bitWidth, dataPage, uncompressedPageSize - 1)
  } else if (daph2.encoding === 'DELTA_BINARY_PACKED') {
    const int32 = type === 'INT32'
    dataPage = int32 ? new Int32Array(nValues) : new BigInt64Array(nValues)
    deltaBinaryUnpack(pageReader, nValues, dataPage)
  } else if (daph2.encoding === 'DELTA_LENGTH_BYTE_ARRAY') {
    dataPage = new Array(nValues)
    deltaLengthByteArray(pageReader, nValues, dataPage)
  } else if (daph2.encoding === 'DELTA_BYTE_ARRAY') {
    dataPage = new Array(nValues)
    deltaByteArray(pageReader, nValues, dataPage)
  } else if (daph2.encoding === 'BYTE_STREAM_SPLIT') {
    dataPage = byteStreamSplit(pageReader, nValues, type, element.type_length)
  } else if (daph2.encoding === 'ALP') {
    dataPage = alpDecode(pageReader, nValues, type)
  } else {
    throw new Error(`parquet unsupported encoding: ${daph2.encoding}`)
  }

  return { definitionLevels, repetitionLevels, dataPage }
}

/**
 * @param {DataReader} reader
 * @param {DataPageHeaderV2} daph2 data page header v2
 * @param {SchemaTree[]} schemaPath
 * @returns {any[]} repetition levels
 */
function readRepetitionLevelsV2(reader, daph2, schemaPath) {
  const maxRepetitionLevel = getMaxRepetitionLevel(schemaPath)
  if (!maxRepetitionLevel) return []

  const values = new Array(daph2.num_values)
  readRleBitPackedHybrid(reader, bitWidth(maxRepetitionLevel), values, daph2.repetition_levels_byte_length)
  return values
}

/**
 * @param {DataReader} reader
 * @param {DataPageHeaderV2} daph2 data page header v2
 * @param {SchemaTree[]} schemaPath
 * @returns {number[] | undefined} definition levels
 */
function readDefinitionLevelsV2(reader, daph2, schemaPath) {
  const maxDefinitionLevel = getMaxDefinitionLevel(schemaPath)
  // ml-smoke patch: a page that says it has no nulls needs no levels
  if (maxDefinitionLevel && !daph2.num_nulls) {
    reader.offset += daph2.definition_levels_byte_length
    return undefined
  }
  if (maxDefinitionLevel) {
    // V2 we know the length
    const values = maxDefinitionLevel < 256 ? new Uint8Array(daph2.num_values) : new Array(daph2.num_values)
    readRleBitPackedHybrid(reader, bitWidth(maxDefinitionLevel), values, daph2.definition_levels_byte_length)
    return values
  }
}

/**
 * Minimum bits needed to store value.
 *
 * @param {number} value
 * @returns {number}
 */
function bitWidth(value) {
  return 32 - Math.clz32(value)
}

;// CONCATENATED MODULE: ./node_modules/hyparquet/src/column.js
/**
 * @import {ColumnDecoder, DataReader, DecodedArray, PageHeader, PageResult, RowGroupSelect, Statistics, SubColumnData} from '../src/types.js'
 */









/**
 * Parse column data from a buffer.
 *
 * @param {DataReader} reader
 * @param {RowGroupSelect} rowGroupSelect row group selection
 * @param {ColumnDecoder} columnDecoder column decoder params
 * @param {(chunk: SubColumnData) => void} [onPage] callback for each page
 * @returns {{ data: DecodedArray[], skipped: number }}
 */
function readColumn(reader, { groupStart, selectStart, selectEnd }, columnDecoder, onPage) {
  const { pathInSchema, schemaPath } = columnDecoder
  const isFlat = isFlatColumn(schemaPath)
  /** @type {DecodedArray[]} */
  const chunks = []
  /** @type {DecodedArray | undefined} */
  let dictionary = undefined
  /** @type {DecodedArray | undefined} */
  let lastChunk = undefined
  let rowCount = 0
  let skipped = 0

  const emitLastChunk = onPage && (() => {
    lastChunk && onPage({
      pathInSchema,
      columnData: lastChunk,
      rowStart: groupStart + rowCount - lastChunk.length,
      rowEnd: groupStart + rowCount,
    })
  })

  while (isFlat ? rowCount < selectEnd : reader.offset < reader.view.byteLength - 1) {
    if (reader.offset >= reader.view.byteLength - 1) break // end of reader

    // read page header
    const header = parquetHeader(reader)
    if (header.type === 'DICTIONARY_PAGE') {
      const { data } = readPage(reader, header, columnDecoder, dictionary, undefined, 0)
      if (data) dictionary = convert(data, columnDecoder)
    } else {
      const lastChunkLength = lastChunk?.length || 0
      const result = readPage(reader, header, columnDecoder, dictionary, lastChunk, selectStart - rowCount)
      if (result.skipped) {
        // skipped page - just advance row count, don't add to chunks
        if (!chunks.length) {
          skipped += result.skipped
        }
        rowCount += result.skipped
      } else if (result.data && lastChunk === result.data) {
        // continued from previous page
        rowCount += result.data.length - lastChunkLength
      } else if (result.data && result.data.length) {
        emitLastChunk?.()
        chunks.push(result.data)
        rowCount += result.data.length
        lastChunk = result.data
      }
    }
  }
  emitLastChunk?.()

  return { data: chunks, skipped }
}

/**
 * Read a page (data or dictionary) from a buffer.
 *
 * @param {DataReader} reader
 * @param {PageHeader} header
 * @param {ColumnDecoder} columnDecoder
 * @param {DecodedArray | undefined} dictionary
 * @param {DecodedArray | undefined} previousChunk
 * @param {number} pageStart skip this many rows in the page
 * @returns {PageResult}
 */
function readPage(reader, header, columnDecoder, dictionary, previousChunk, pageStart) {
  const { type, element, schemaPath, codec, compressors } = columnDecoder
  // read compressed_page_size bytes
  const compressedBytes = new Uint8Array(
    reader.view.buffer, reader.view.byteOffset + reader.offset, header.compressed_page_size
  )
  reader.offset += header.compressed_page_size

  // parse page data by type
  if (header.type === 'DATA_PAGE') {
    const daph = header.data_page_header
    if (!daph) throw new Error('parquet data page header is undefined')

    // skip unnecessary non-nested pages
    if (pageStart > daph.num_values && schema_isFlatColumn(schemaPath)) {
      return { skipped: daph.num_values }
    }

    const page = decompressPage(compressedBytes, Number(header.uncompressed_page_size), codec, compressors)
    const { definitionLevels, repetitionLevels, dataPage } = readDataPage(page, daph, columnDecoder)
    // assert(!daph.statistics?.null_count || daph.statistics.null_count === BigInt(daph.num_values - dataPage.length))

    // convert types, dereference dictionary, and assemble lists
    const values = convertWithDictionary(dataPage, dictionary, daph.encoding, columnDecoder)
    const output = Array.isArray(previousChunk) ? previousChunk : []
    const assembled = assembleLists(output, definitionLevels, repetitionLevels, values, schemaPath)
    return { skipped: 0, data: assembled }
  } else if (header.type === 'DATA_PAGE_V2') {
    const daph2 = header.data_page_header_v2
    if (!daph2) throw new Error('parquet data page header v2 is undefined')

    // skip unnecessary pages
    if (pageStart > daph2.num_rows) {
      return { skipped: daph2.num_rows }
    }

    const { definitionLevels, repetitionLevels, dataPage } =
      readDataPageV2(compressedBytes, header, columnDecoder)

    // convert types, dereference dictionary, and assemble lists
    const values = convertWithDictionary(dataPage, dictionary, daph2.encoding, columnDecoder)
    const output = Array.isArray(previousChunk) ? previousChunk : []
    const assembled = assembleLists(output, definitionLevels, repetitionLevels, values, schemaPath)
    return { skipped: 0, data: assembled }
  } else if (header.type === 'DICTIONARY_PAGE') {
    const diph = header.dictionary_page_header
    if (!diph) throw new Error('parquet dictionary page header is undefined')

    const page = decompressPage(
      compressedBytes, Number(header.uncompressed_page_size), codec, compressors
    )

    const reader = { view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: 0 }
    const dictArray = readPlain(reader, type, diph.num_values, element.type_length)
    return { skipped: 0, data: dictArray }
  } else {
    throw new Error(`parquet unsupported page type: ${header.type}`)
  }
}

/**
 * Read a page header from a buffer, leaving the reader at the start of the page data.
 *
 * @param {DataReader} reader
 * @returns {PageHeader}
 */
function parquetHeader(reader) {
  const header = thrift_deserializeTCompactProtocol(reader)

  // Parse parquet header from thrift data
  const type = constants_PageTypes[header.field_1]
  const uncompressed_page_size = header.field_2
  const compressed_page_size = header.field_3
  const crc = header.field_4
  const data_page_header = header.field_5 && {
    num_values: header.field_5.field_1,
    encoding: constants_Encodings[header.field_5.field_2],
    definition_level_encoding: constants_Encodings[header.field_5.field_3],
    repetition_level_encoding: constants_Encodings[header.field_5.field_4],
    statistics: pageStatistics(header.field_5.field_5),
  }
  const index_page_header = header.field_6
  const dictionary_page_header = header.field_7 && {
    num_values: header.field_7.field_1,
    encoding: constants_Encodings[header.field_7.field_2],
    is_sorted: header.field_7.field_3,
  }
  const data_page_header_v2 = header.field_8 && {
    num_values: header.field_8.field_1,
    num_nulls: header.field_8.field_2,
    num_rows: header.field_8.field_3,
    encoding: constants_Encodings[header.field_8.field_4],
    definition_levels_byte_length: header.field_8.field_5,
    repetition_levels_byte_length: header.field_8.field_6,
    is_compressed: header.field_8.field_7 === undefined ? true : header.field_8.field_7, // default true
    statistics: pageStatistics(header.field_8.field_8),
  }

  return {
    type,
    uncompressed_page_size,
    compressed_page_size,
    crc,
    data_page_header,
    index_page_header,
    dictionary_page_header,
    data_page_header_v2,
  }
}

/**
 * @param {any} stats thrift Statistics struct
 * @returns {Statistics | undefined}
 */
function pageStatistics(stats) {
  return stats && {
    max: stats.field_1,
    min: stats.field_2,
    null_count: stats.field_3,
    distinct_count: stats.field_4,
    max_value: stats.field_5,
    min_value: stats.field_6,
    is_max_value_exact: stats.field_7,
    is_min_value_exact: stats.field_8,
  }
}

;// CONCATENATED MODULE: ./src/data/readers/parquet-time.ts
/**
 * Parquet TIME columns hold a count of milliseconds, microseconds or nanoseconds since midnight, which
 * hyparquet hands out as a bare number. The reader makes it the time of day as text (`12:34:56.789`), which a
 * `time` field reads and a CSV or JSON subset prints; a Parquet subset writes it back as the same count.
 */
/** Ticks per second of a TIME column (from its logical type, else its converted type); undefined otherwise. */
function timeTicksPerSecond(element) {
    const logical = element.logical_type;
    const unit = logical?.type === 'TIME'
        ? logical.unit
        : element.converted_type === 'TIME_MILLIS'
            ? 'MILLIS'
            : element.converted_type === 'TIME_MICROS'
                ? 'MICROS'
                : undefined;
    if (unit === 'MILLIS')
        return 1000n;
    if (unit === 'MICROS')
        return 1000000n;
    if (unit === 'NANOS')
        return 1000000000n;
    return undefined;
}
const digitsOf = (perSecond) => String(perSecond).length - 1;
/**
 * `HH:MM:SS` and the fraction the unit holds, trailing zeros cut. A count the spec does not allow (negative,
 * a day or more) keeps its hours (`25:00:00`, `-00:00:01`): a `time` field reports it, and it writes back.
 */
function timeText(ticks, perSecond) {
    const sign = ticks < 0n ? '-' : '';
    const magnitude = ticks < 0n ? -ticks : ticks;
    const seconds = magnitude / perSecond;
    const fraction = String(magnitude % perSecond)
        .padStart(digitsOf(perSecond), '0')
        .replace(/0+$/, '');
    const two = (n) => String(n).padStart(2, '0');
    const clock = `${two(seconds / 3600n)}:${two((seconds / 60n) % 60n)}:${two(seconds % 60n)}`;
    return `${sign}${clock}${fraction ? `.${fraction}` : ''}`;
}
const TIME_TEXT = /^(-?)(\d{2,}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/;
/** The count `timeText` made `text` from; undefined for any other text. */
function timeTicks(text, perSecond) {
    const m = TIME_TEXT.exec(text);
    const digits = digitsOf(perSecond);
    if (!m || (m[5] ?? '').length > digits)
        return undefined;
    const seconds = BigInt(m[2]) * 3600n + BigInt(m[3]) * 60n + BigInt(m[4]);
    const ticks = seconds * perSecond + BigInt((m[5] ?? '').padEnd(digits, '0') || '0');
    return m[1] ? -ticks : ticks;
}

;// CONCATENATED MODULE: ./src/data/readers/thrift-shape.ts
// Thrift compact protocol types, as Parquet's metadata uses them.
const thrift_shape_STOP = 0;
const thrift_shape_TRUE = 1;
const thrift_shape_FALSE = 2;
const thrift_shape_BYTE = 3;
const thrift_shape_I16 = 4;
const thrift_shape_I32 = 5;
const thrift_shape_I64 = 6;
const thrift_shape_DOUBLE = 7;
const thrift_shape_BINARY = 8;
const thrift_shape_LIST = 9;
const thrift_shape_STRUCT = 12;
/** Structs inside structs: Parquet's metadata nests about six deep (FileMetaData › RowGroup › … › LogicalType). */
const MAX_DEPTH = 32;
/** Thrown when the bytes end before the struct does (a reader may try again with more). */
class ThriftCutShort extends Error {
}
/**
 * Walks Thrift compact bytes from `start` (up to `end`) without building anything, and returns where
 * the struct there ends. It throws unless that struct has at most `maxValues` values, nested at most
 * MAX_DEPTH deep, with lists and strings that fit in the bytes; ThriftCutShort when the bytes end first.
 * hyparquet's own parser builds an object per value and trusts list sizes, so a few kilobytes can
 * declare a list of a billion elements, and a run of empty structs costs 60 bytes of heap per byte;
 * this walk runs first, in constant memory (an explicit stack, no recursion).
 */
function checkThriftShape(bytes, start, end, maxValues) {
    let at = start;
    let values = 0;
    // Open containers: a struct (-1), or a list with `left` elements of `type` to go.
    const lefts = [-1];
    const types = [thrift_shape_STRUCT];
    const byte = () => {
        if (at >= end)
            throw new ThriftCutShort('the bytes end in the middle of a value');
        return bytes[at++];
    };
    const varint = () => {
        let result = 0;
        for (let shift = 0;; shift += 7) {
            if (shift > 63)
                throw new Error('a number is longer than 10 bytes');
            const b = byte();
            if (shift < 53)
                result += (b & 0x7f) * 2 ** shift;
            if (!(b & 0x80))
                return result;
        }
    };
    const skip = (length, what) => {
        if (!(length >= 0))
            throw new Error(`${what} of ${length} bytes`);
        if (length > end - at)
            throw new ThriftCutShort(`${what} of ${length} bytes runs past the end`);
        at += length;
    };
    const value = (type, inList) => {
        if (++values > maxValues)
            throw new Error(`more than ${maxValues.toLocaleString('en-US')} values, the most that is read`);
        switch (type) {
            case thrift_shape_TRUE:
            case thrift_shape_FALSE:
                if (inList)
                    byte();
                return;
            case thrift_shape_BYTE:
                byte();
                return;
            case thrift_shape_I16:
            case thrift_shape_I32:
            case thrift_shape_I64:
                varint();
                return;
            case thrift_shape_DOUBLE:
                skip(8, 'a double');
                return;
            case thrift_shape_BINARY:
                skip(varint(), 'a string');
                return;
            case thrift_shape_LIST: {
                const header = byte();
                const size = header >> 4 === 15 ? varint() : header >> 4;
                // Every element takes at least one byte: a list cannot be longer than what is left.
                if (size > end - at)
                    throw new ThriftCutShort(`a list of ${size} elements runs past the end`);
                if (lefts.length >= MAX_DEPTH)
                    throw new Error(`values nested more than ${MAX_DEPTH} deep`);
                lefts.push(size);
                types.push(header & 0x0f);
                return;
            }
            case thrift_shape_STRUCT:
                if (lefts.length >= MAX_DEPTH)
                    throw new Error(`values nested more than ${MAX_DEPTH} deep`);
                lefts.push(-1);
                types.push(thrift_shape_STRUCT);
                return;
            default:
                throw new Error(`a value of Thrift type ${type}, which Parquet does not use`);
        }
    };
    while (lefts.length) {
        const top = lefts.length - 1;
        if (lefts[top] === -1) {
            // In a struct: a field header (type, and the field id as a delta or a zigzag varint), or STOP.
            const header = byte();
            const type = header & 0x0f;
            if (type === thrift_shape_STOP) {
                lefts.pop();
                types.pop();
                continue;
            }
            if (!(header >> 4))
                varint();
            value(type, false);
        }
        else if (lefts[top] === 0) {
            lefts.pop();
            types.pop();
        }
        else {
            lefts[top]--;
            value(types[top], true);
        }
    }
    return at;
}

;// CONCATENATED MODULE: ./src/data/readers/parquet.ts










/** What to do about a file that does not read as Parquet, or stops reading as Parquet part of the way. */
const DAMAGED = {
    hint: 'check that the file was copied whole (not cut short, not a Git LFS pointer) and, if so, write it again with pandas, pyarrow or DuckDB'
};
/**
 * The footer's metadata (schema, row groups, column chunks) is read whole: past this size a file is
 * refused before it is read. A file of 1,000 columns in 100 row groups has a few MiB.
 */
const MAX_METADATA_BYTES = 32 * 1024 * 1024;
/**
 * Thrift values in the metadata (each becomes an object or a number): its bytes are checked for this
 * before hyparquet builds them, since a list of empty structs costs 60 bytes of heap per byte of file.
 */
const MAX_METADATA_VALUES = 2_000_000;
/**
 * Values in one page (a page of a flat column holds one per row): decoding allocates arrays of the
 * declared count, and a run-length encoded page of a few bytes may declare billions. Writers put
 * 20,000 (pyarrow, parquet-mr), 122,880 (DuckDB) or 262,143 (hyparquet-writer) rows in a page.
 */
const MAX_PAGE_VALUES = 4 * 1024 * 1024;
/** Thrift values in a page header (a few dozen, more with statistics and level histograms). */
const MAX_PAGE_HEADER_VALUES = 100_000;
/** A page's declared size once decompressed. */
const MAX_PAGE_BYTES = 256 * 1024 * 1024;
/**
 * Values hyparquet would make into a Date JavaScript cannot hold (past the year 275760, a timestamp of
 * TIMESTAMP '290000-01-01') are kept as their ISO text instead, which a datetime field reports as a type
 * error; a JSON column's text that does not parse (or nests too deep) stays text.
 */
const PARSERS = {
    ...convert_DEFAULT_PARSERS,
    timestampFromMilliseconds: millis => dateOrText(BigInt(millis), 1n),
    timestampFromMicroseconds: micros => dateOrText(BigInt(micros), 1000n),
    timestampFromNanoseconds: nanos => dateOrText(BigInt(nanos), 1000000n),
    dateFromDays: days => dateOrText(BigInt(days) * 86400000n, 1n),
    jsonFromBytes(bytes) {
        if (!bytes)
            return bytes;
        const text = convert_DEFAULT_PARSERS.stringFromBytes(bytes);
        try {
            return parsePythonJson(text);
        }
        catch {
            return text;
        }
    }
};
/** JavaScript's Date range: ±100,000,000 days from 1970. */
const MAX_DATE_MS = 8640000000000000n;
/** A time as `ticks` per millisecond since 1970: a Date when JavaScript can hold it, else ISO text. */
function dateOrText(ticks, perMs) {
    const ms = ticks / perMs - (ticks % perMs < 0n ? 1n : 0n);
    if (ms >= -MAX_DATE_MS && ms <= MAX_DATE_MS)
        return new Date(Number(ms));
    const days = ms / 86400000n - (ms % 86400000n < 0n ? 1n : 0n);
    const inDay = Number(ms - days * 86400000n);
    const [year, month, day] = civilFromDays(days);
    const pad = (n, width) => String(n).padStart(width, '0');
    const yearText = year < 0n ? `-${pad(-year, 6)}` : `+${pad(year, 6)}`;
    const time = new Date(inDay).toISOString().slice(10);
    return `${yearText}-${pad(month, 2)}-${pad(day, 2)}${time}`;
}
/** The proleptic Gregorian date of a day number (days since 1970-01-01), as H. Hinnant's civil_from_days. */
function civilFromDays(days) {
    const z = days + 719468n;
    const era = (z >= 0n ? z : z - 146096n) / 146097n;
    const dayOfEra = z - era * 146097n;
    const yearOfEra = (dayOfEra - dayOfEra / 1460n + dayOfEra / 36524n - dayOfEra / 146096n) / 365n;
    const dayOfYear = dayOfEra - (365n * yearOfEra + yearOfEra / 4n - yearOfEra / 100n);
    const mp = (5n * dayOfYear + 2n) / 153n;
    const day = Number(dayOfYear - (153n * mp + 2n) / 5n + 1n);
    const month = Number(mp < 10n ? mp + 3n : mp - 9n);
    return [yearOfEra + era * 400n + (month <= 2 ? 1n : 0n), month, day];
}
/**
 * The footer: its length is checked against the file and MAX_METADATA_BYTES, its Thrift bytes against
 * MAX_METADATA_VALUES and a nesting depth, before hyparquet builds objects from them.
 */
async function readMetadata(handle, file) {
    const size = (await handle.stat()).size;
    if (size < 12)
        throw new errors/* UserError */.yo(`${file}: not a readable Parquet file: only ${size} bytes`, DAMAGED);
    const tail = Buffer.alloc(8);
    await handle.read(tail, 0, 8, size - 8);
    if (tail.toString('latin1', 4) !== 'PAR1')
        throw new errors/* UserError */.yo(`${file}: not a readable Parquet file: it does not end with "PAR1"`, DAMAGED);
    const length = tail.readUInt32LE(0);
    if (length > size - 12)
        throw new errors/* UserError */.yo(`${file}: not a readable Parquet file: its footer says ${length} bytes of metadata; the file has ${size - 12} before it`, DAMAGED);
    if (length > MAX_METADATA_BYTES)
        throw new errors/* UserError */.yo(`${file}: ${(length / 2 ** 20).toFixed(0)} MiB of Parquet metadata is more than the ${MAX_METADATA_BYTES / 2 ** 20} MiB ml-smoke reads`);
    const footer = Buffer.allocUnsafeSlow(length + 8);
    await handle.read(footer, 0, length + 8, size - length - 8);
    try {
        checkThriftShape(footer, 0, length, MAX_METADATA_VALUES);
        const metadata = parquetMetadata(new Uint8Array(footer.buffer, footer.byteOffset, length + 8), {
            parsers: PARSERS,
            geoparquet: false
        });
        return { metadata, dataEnd: size - length - 8 };
    }
    catch (error) {
        throw new errors/* UserError */.yo(`${file}: not a readable Parquet file: ${error.message}`, DAMAGED);
    }
}
/** Each row group's stored bytes (its column chunks, compressed), from the footer: a plan cuts by them. */
async function rowGroupBytes(file) {
    const handle = await openRegularFile(file);
    try {
        const { metadata } = await readMetadata(handle, file);
        return metadata.row_groups.map(group => group.columns.reduce((sum, chunk) => sum + Number(chunk.meta_data?.total_compressed_size ?? 0), 0));
    }
    finally {
        await handle.close();
    }
}
/**
 * Parquet, one page per column at a time: every codec hyparquet-compressors knows (snappy, gzip, zstd,
 * brotli, lz4), plain, dictionary and delta encodings, v1 and v2 pages. Memory follows the page (about
 * 1 MiB from pyarrow and parquet-mr; DuckDB writes one per 122,880-row group), not the row group, which
 * pyarrow and Spark make a million rows or 128 MiB. Nested columns (lists, structs, maps) are refused
 * with a clear message rather than flattened. Sizes the file declares (metadata, column chunks, pages,
 * values in a page) are checked against the file and the limits above before anything is allocated.
 */
/** The row groups a part reads (all, without one): a plan made for another version of the file is refused. */
function groupsToRead(file, groups, part) {
    if (!part)
        return { from: 0, to: groups };
    const to = part.to ?? groups;
    if (part.from < 0 || part.from > to || to > groups)
        throw new errors/* UserError */.yo(`${file}: the plan reads row groups ${part.from}-${to - 1} but the file has ${groups}: the file changed after the plan was made; make the plan again`);
    return { from: part.from, to };
}
async function readParquetTable(file, options, sink) {
    const handle = await file_info_openRegularFile(file);
    try {
        const { metadata, dataEnd } = await readMetadata(handle, file);
        let tree;
        try {
            tree = parquetSchema(metadata);
        }
        catch (error) {
            throw new errors/* UserError */.yo(`${file}: not a readable Parquet schema: ${error.message}`, DAMAGED);
        }
        const nested = tree.children
            .filter(child => child.children.length > 0)
            .map(child => child.element.name);
        if (nested.length) {
            throw new errors/* UserError */.yo(`${file}: column${nested.length > 1 ? 's' : ''} ${nested.map(n => `"${n}"`).join(', ')} ${nested.length > 1 ? 'are' : 'is'} nested (list, struct or map); ml-smoke validates flat columns only`);
        }
        if (tree.children.length > MAX_COLUMNS)
            throw new errors/* UserError */.yo(`${file}: ${tree.children.length} columns: more than the ${MAX_COLUMNS} ml-smoke reads`);
        // A column without a name is a blank label, as in a CSV header.
        const columns = tree.children.map(child => typeof child.element.name === 'string' ? child.element.name : '');
        const tooLong = labelTooLong(columns);
        if (tooLong)
            throw new errors/* UserError */.yo(`${file}: ${tooLong.message}`);
        sink.header(columns);
        // One row and one position, refilled for every row (a sink copies what it keeps).
        const row = new Array(columns.length);
        const position = { rowGroup: 0, rowInGroup: 0 };
        const { from, to } = groupsToRead(file, metadata.row_groups.length, options.partition?.rowGroups);
        for (let group = from; group < to; group++) {
            const rowGroup = metadata.row_groups[group];
            const count = Number(rowGroup.num_rows);
            position.rowGroup = group;
            const where = (k) => `${file}: row group ${group}, column "${columns[k]}"`;
            if (rowGroup.columns.length !== columns.length)
                throw new errors/* UserError */.yo(`${file}: row group ${group} has ${rowGroup.columns.length} column chunks for ${columns.length} columns`, DAMAGED);
            // Chunks follow the schema's order: two columns may share a name.
            const pages = tree.children.map((child, k) => {
                const meta = rowGroup.columns[k].meta_data;
                if (!meta ||
                    rowGroup.columns[k].file_path ||
                    meta.path_in_schema?.[0] !== child.element.name)
                    throw new errors/* UserError */.yo(`${where(k)}: no column chunk in this file`, DAMAGED);
                const schemaPath = [tree, child];
                return new ColumnPages(handle, meta, dataEnd, {
                    pathInSchema: meta.path_in_schema,
                    schemaPath,
                    element: child.element,
                    type: meta.type,
                    codec: meta.codec,
                    compressors: compressors,
                    parsers: PARSERS
                }, where(k));
            });
            let done = 0;
            while (done < count) {
                for (let k = 0; k < pages.length; k++) {
                    if (pages[k].left > 0)
                        continue;
                    if (!(await pages[k].load(count - done)))
                        throw new errors/* UserError */.yo(`${where(k)}: the column ends after ${done} of the group's ${count} rows`, DAMAGED);
                }
                let take = count - done;
                for (const page of pages)
                    take = Math.min(take, page.left);
                for (let i = 0; i < take; i++) {
                    for (let k = 0; k < pages.length; k++)
                        row[k] = pages[k].values[pages[k].next + i];
                    position.rowInGroup = done + i;
                    if (sink.row(row, position) === false)
                        return {};
                }
                for (const page of pages)
                    page.next += take;
                done += take;
                options.afterBatch?.();
            }
            for (let k = 0; k < pages.length; k++) {
                if (pages[k].left > 0 || (await pages[k].load(MAX_PAGE_VALUES)))
                    throw new errors/* UserError */.yo(`${where(k)}: the column has more values than the group's ${count} rows`, DAMAGED);
            }
        }
    }
    finally {
        await handle.close();
    }
    return {};
}
/** Bytes read from the file at a time for one column; a page larger than this is read whole. */
const WINDOW_BYTES = 1 << 20;
/** A page header is a few dozen bytes, more with statistics of long strings. */
const HEADER_BYTES = 4096;
/** One column chunk of one row group, decoded a page at a time from the file. */
class ColumnPages {
    file;
    decoder;
    where;
    /** The current page's values, one per row; `next` is the first not yet handed out. */
    values = [];
    next = 0;
    offset;
    end;
    dictionary;
    window = new DataView(new ArrayBuffer(0));
    windowStart = 0;
    /** Set for a TIME column: its values become the time of day as text. */
    timeTicks;
    constructor(file, meta, dataEnd, decoder, where) {
        this.file = file;
        this.decoder = decoder;
        this.where = where;
        this.timeTicks = timeTicksPerSecond(decoder.element);
        // As hyparquet: some writers (polars) leave dictionary_page_offset out although a dictionary comes first.
        this.offset = Number(meta.dictionary_page_offset || meta.data_page_offset);
        this.end = this.offset + Number(meta.total_compressed_size);
        if (!(this.offset >= 4 && this.end >= this.offset && this.end <= dataEnd))
            throw new errors/* UserError */.yo(`${where}: its column chunk (bytes ${this.offset} to ${this.end}) is not inside the file's data (bytes 4 to ${dataEnd})`, DAMAGED);
    }
    get left() {
        return this.values.length - this.next;
    }
    /** Reads pages up to the next one with values (at most `rows`); false at the end of the column chunk. */
    async load(rows) {
        try {
            while (this.offset < this.end) {
                let length = Math.min(HEADER_BYTES, this.end - this.offset);
                let reader = await this.bytesAt(this.offset, length);
                // The header's Thrift bytes are walked first (see checkThriftShape), read further if cut short.
                for (;;) {
                    const bytes = new Uint8Array(reader.view.buffer, reader.view.byteOffset, reader.view.byteLength);
                    try {
                        checkThriftShape(bytes, reader.offset, reader.offset + length, MAX_PAGE_HEADER_VALUES);
                        break;
                    }
                    catch (error) {
                        if (!(error instanceof ThriftCutShort) || length === this.end - this.offset)
                            throw new Error(`a page header: ${error.message}`);
                        length = Math.min(length * 16, this.end - this.offset);
                        reader = await this.bytesAt(this.offset, length);
                    }
                }
                const start = reader.offset;
                const header = parquetHeader(reader);
                this.offset += reader.offset - start;
                const size = header.compressed_page_size;
                if (!header.type || typeof size !== 'number')
                    throw new Error('a page header without its page type or size');
                if (!(size >= 0) || this.offset + size > this.end)
                    throw new Error(`a ${header.type} page of ${size} bytes runs past the column chunk`);
                checkPageHeader(header, size, rows);
                const body = await this.bytesAt(this.offset, size);
                this.offset += size;
                if (header.type === 'INDEX_PAGE')
                    continue;
                if (header.type === 'DICTIONARY_PAGE') {
                    const { data } = readPage(body, header, this.decoder, undefined, undefined, 0);
                    if (data)
                        this.dictionary = convert_convert(data, this.decoder);
                    continue;
                }
                const { data } = readPage(body, header, this.decoder, this.dictionary, undefined, 0);
                if (data?.length) {
                    this.values = this.timeTicks === undefined ? data : this.timesOfDay(data, this.timeTicks);
                    this.next = 0;
                    return true;
                }
            }
            this.values = [];
            this.next = 0;
            return false;
        }
        catch (error) {
            if (error instanceof errors/* UserError */.yo)
                throw error;
            const message = error.message;
            // A type hyparquet does not convert (INTERVAL, BSON) is a choice of the writer, not damage.
            const type = /^parquet (interval|bson) not supported$/.exec(message)?.[1];
            if (type)
                throw new errors/* UserError */.yo(`${this.where}: a column of type ${type.toUpperCase()}, which ml-smoke cannot read`, {
                    hint: 'cast the column to a type ml-smoke reads (a string, a number) where the file is written, or leave it out'
                });
            throw new errors/* UserError */.yo(`${this.where}: cannot decode a page: ${message}`, DAMAGED);
        }
    }
    timesOfDay(data, perSecond) {
        return Array.from(data, value => typeof value === 'number' || typeof value === 'bigint'
            ? timeText(BigInt(value), perSecond)
            : value);
    }
    /**
     * The file's bytes [offset, offset + length) as a reader. Each read goes to a new buffer, never reused:
     * hyparquet may decode a page into a view of the bytes it was read from.
     */
    async bytesAt(offset, length) {
        const windowEnd = this.windowStart + this.window.byteLength;
        if (offset < this.windowStart || offset + length > windowEnd) {
            const size = Math.min(Math.max(length, WINDOW_BYTES), this.end - offset);
            const buffer = Buffer.allocUnsafeSlow(size);
            const { bytesRead } = await this.file.read(buffer, 0, size, offset);
            if (bytesRead < size)
                throw new Error(`the file ends ${size - bytesRead} bytes before the column chunk does`);
            this.window = new DataView(buffer.buffer, buffer.byteOffset, size);
            this.windowStart = offset;
        }
        return { view: this.window, offset: offset - this.windowStart };
    }
}
/**
 * A page header's counts and sizes against what the page can hold, before hyparquet allocates by them:
 * the values against MAX_PAGE_VALUES and the rows the group has left, the decompressed size against
 * MAX_PAGE_BYTES (and the stored size, when nothing is compressed).
 */
function checkPageHeader(header, size, rows) {
    const unpacked = header.uncompressed_page_size;
    if (!(unpacked >= 0) || unpacked > MAX_PAGE_BYTES)
        throw new Error(`a page says it holds ${unpacked} bytes once decompressed; ml-smoke reads pages of up to ${MAX_PAGE_BYTES / 2 ** 20} MiB`);
    const counts = [];
    const v1 = header.data_page_header;
    const v2 = header.data_page_header_v2;
    const dictionary = header.dictionary_page_header;
    if (header.type === 'DATA_PAGE')
        counts.push(['values', v1?.num_values]);
    if (header.type === 'DATA_PAGE_V2') {
        counts.push(['values', v2?.num_values], ['rows', v2?.num_rows], ['nulls', v2?.num_nulls]);
        const levels = (v2?.definition_levels_byte_length ?? 0) + (v2?.repetition_levels_byte_length ?? 0);
        if (!(levels >= 0 && levels <= size && levels <= unpacked))
            throw new Error(`a page's levels (${levels} bytes) do not fit in its ${size} bytes`);
    }
    if (header.type === 'DICTIONARY_PAGE')
        counts.push(['dictionary values', dictionary?.num_values]);
    for (const [what, count] of counts) {
        if (count === undefined)
            continue;
        const most = what === 'dictionary values' ? Math.min(MAX_PAGE_VALUES, unpacked * 8 + 8) : rows;
        if (!(count >= 0) || count > most || count > MAX_PAGE_VALUES)
            throw new Error(count > MAX_PAGE_VALUES && count <= most
                ? `a page of ${count} ${what}: ml-smoke reads pages of up to ${MAX_PAGE_VALUES} values`
                : `a ${header.type} page says it has ${count} ${what}; ${what === 'dictionary values' ? `its ${unpacked} bytes hold at most ${most}` : `the row group has ${rows} rows left`}`);
    }
}

;// CONCATENATED MODULE: ./src/data/readers/index.ts



/** Streams any supported table into `sink`. */
function readTable(file, format, options, sink) {
    switch (format) {
        case 'csv':
        case 'tsv':
            return readCsvTable(file, {
                ...options,
                delimiter: options.dialect?.delimiter ?? options.delimiter ?? (format === 'tsv' ? '\t' : ',')
            }, sink);
        case 'jsonl':
            return readJsonlTable(file, options, sink);
        case 'json':
            return readJsonTable(file, options, sink);
        case 'parquet':
            return readParquetTable(file, options, sink);
    }
}

;// CONCATENATED MODULE: ./src/data/readers/many.ts
// A dataset of several files read as one table: file after file, in the order given (sorted by the
// resolver), into one sink.



/** One file or a dataset's files, as a list. */
function many_filesOf(source) {
    return typeof source === 'string' ? [source] : source;
}
/**
 * Reads each file in turn into `sink`, calling `startFile` before each; `readOne` reads one file into it.
 * The result is the first file's (a subset keeps its line ending).
 */
async function readFiles(files, sink, readOne) {
    let first;
    for (const [index, file] of files.entries()) {
        sink.startFile?.(index);
        const result = await readOne(file, index);
        first ??= result;
    }
    return first ?? {};
}
function sameLabels(a, b) {
    return a.length === b.length && a.every((label, i) => label === b[i]);
}
/**
 * The files of one dataset as one table, for whoever reads rows by position (the subset, the profile):
 * every file's header must be the first file's, and the sink sees the header once. A file with another
 * header is refused, naming both files.
 */
function readDataset(source, format, options, sink) {
    const files = many_filesOf(source);
    if (files.length === 1) {
        sink.startFile?.(0);
        return readTable(files[0], format, options, sink);
    }
    let first;
    let current = '';
    const each = {
        startFile: index => sink.startFile?.(index),
        header(labels, line, raw) {
            if (first === undefined) {
                first = { labels: [...labels], file: current };
                sink.header(labels, line, raw);
            }
            else if (!sameLabels(first.labels, labels))
                throw new errors/* UserError */.yo(`${external_node_path_default().basename(current)} has the columns (${labels.join(', ')}) but ${external_node_path_default().basename(first.file)} has (${first.labels.join(', ')}): every file of a dataset needs the same columns in the same order`);
        },
        row: (cells, position, extraKeys) => sink.row(cells, position, extraKeys),
        ...(sink.textRow ? { textRow: sink.textRow.bind(sink) } : {}),
        problem: problem => sink.problem(problem)
    };
    return readFiles(files, each, file => {
        current = file;
        return readTable(file, format, options, each);
    });
}

;// CONCATENATED MODULE: ./src/data/cells/invalid.ts
/** What a cast returns for a cell that is not of its field's type: a symbol, so no cast value equals it. */
const INVALID = Symbol('invalid');

;// CONCATENATED MODULE: ./src/suggest.ts
/** Levenshtein distance, stopping early once it is certain to exceed `limit`. */
function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit)
        return limit + 1;
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        let best = i;
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
            best = Math.min(best, current[j]);
        }
        if (best > limit)
            return limit + 1;
        previous = current;
    }
    return previous[b.length];
}
/** The known word closest to `word` within `limit` edits (case, `_` and `-` aside), for "did you mean". */
function closest(word, known, limit = 2) {
    const plain = (text) => text.toLowerCase().replace(/[-_]/g, '');
    let best;
    let bestDistance = limit + 1;
    for (const candidate of known) {
        const d = distance(plain(word), plain(candidate), limit);
        if (d < bestDistance)
            [best, bestDistance] = [candidate, d];
    }
    return best;
}

;// CONCATENATED MODULE: ./src/data/cells/json-schema.ts
// constraints.jsonSchema of object and array fields, through @exodus/schemasafe: it compiles a JSON
// Schema (draft 4 to 2020-12) to a function, and refuses a schema with a keyword it does not know (a typo
// such as `minimun`), a keyword that cannot apply where it is written (`format` on an integer), or a
// $ref it cannot resolve (no remote schemas are fetched). So no rule in it is silently skipped.
//
// It is loaded only for a schema that uses jsonSchema (ncc makes it a chunk of its own): with its code
// merely loaded, V8 optimised the row loop worse and CSV validation took up to twice as long (the
// benchmark's 500,000 rows, plain Node 20, interleaved runs), whether or not a field used it.


/** JSON Schema's keywords, for "did you mean" when schemasafe refuses an unknown one. */
const KEYWORDS = [
    '$schema',
    '$id',
    '$ref',
    '$defs',
    'definitions',
    'type',
    'enum',
    'const',
    'required',
    'properties',
    'additionalProperties',
    'patternProperties',
    'propertyNames',
    'minProperties',
    'maxProperties',
    'dependentRequired',
    'dependentSchemas',
    'items',
    'prefixItems',
    'additionalItems',
    'contains',
    'minContains',
    'maxContains',
    'minItems',
    'maxItems',
    'uniqueItems',
    'minLength',
    'maxLength',
    'pattern',
    'format',
    'minimum',
    'maximum',
    'exclusiveMinimum',
    'exclusiveMaximum',
    'multipleOf',
    'allOf',
    'anyOf',
    'oneOf',
    'not',
    'if',
    'then',
    'else',
    'unevaluatedProperties',
    'unevaluatedItems',
    'title',
    'description',
    'default',
    'examples'
];
/** What a failed value shows: where in it, and which keyword it broke. */
function describeFailure(errors) {
    const [first] = errors;
    if (!first)
        return '';
    const keyword = first.keywordLocation.split('/').pop();
    const at = first.instanceLocation.replace(/^#/, '') || 'the value';
    return ` (${at}: ${keyword}, at ${first.keywordLocation})`;
}
let schemasafe = null;
/** Whether a schema has a field (or an array item) with constraints.jsonSchema. */
function usesJsonSchema(schema) {
    return schema.fields.some(field => (field.constraints !== undefined && 'jsonSchema' in field.constraints) ||
        (field.arrayItem?.constraints !== undefined && 'jsonSchema' in field.arrayItem.constraints));
}
/** Loads the JSON Schema validator, once; a schema that uses jsonSchema compiles only after this. */
async function loadJsonSchemaValidator() {
    schemasafe ??= await __nccwpck_require__.e(/* import() */ 492).then(__nccwpck_require__.t.bind(__nccwpck_require__, 492, 23));
}
/**
 * A check of cast values against a JSON Schema: null when a value matches, else why not. Throws a
 * UserError naming `where` for a schema that cannot be compiled.
 */
function jsonSchemaCheck(schema, where) {
    if (schemasafe === null)
        throw new Error('the JSON Schema validator is used before loadJsonSchemaValidator()');
    const { validator } = schemasafe;
    let validate;
    try {
        validate = validator(schema, {
            includeErrors: true,
            isJSON: true,
            $schemaDefault: 'https://json-schema.org/draft/2020-12/schema'
        });
    }
    catch (error) {
        const message = error.message;
        const unknown = /^Keyword not supported: "([^"]+)"/.exec(message)?.[1];
        const near = unknown === undefined ? undefined : closest(unknown, KEYWORDS);
        throw new errors/* UserError */.yo(`${where}.constraints.jsonSchema: ${message}${near ? `; did you mean "${near}"?` : ''}`);
    }
    return value => validate(value)
        ? null
        : `does not match constraints.jsonSchema${describeFailure(validate.errors ?? [])}`;
}

;// CONCATENATED MODULE: ./src/data/cells/constraints.ts
// A field's constraints compiled once into data (Rules) that Field checks inline per cell, with no closure
// call per constraint.



/** The types whose cast values are numbers, so bounds compare them. */
const ORDERED = new Set([
    'integer',
    'number',
    'date',
    'datetime',
    'time',
    'year',
    'yearmonth',
    'duration'
]);
/** The types whose values have a length (a geojson object's keys are no length: frictionless-py refuses it). */
const SIZED = new Set(['string', 'array', 'object', 'list']);
/**
 * An approximate number within this relative distance of a bound is cast exactly before comparing: the
 * approximation is within 1e-14 (at most 40 digits, two roundings each, and one division), so outside this
 * margin it is on the same side of the bound as the exact value.
 */
const APPROXIMATION_MARGIN = 1e-12;
/**
 * A set of strings that also answers for a range of a longer text, without making its string: an open
 * addressing table of the words' indices by their FNV-1a hash (a Map keyed by the hash boxed every hash
 * beyond a small integer, once per cell).
 */
class TextSet {
    words;
    /** Index into `words` + 1 at each slot; 0: empty. */
    slots;
    mask;
    constructor(words) {
        this.words = [...new Set(words)];
        let size = 4;
        while (size < this.words.length * 2)
            size *= 2;
        this.slots = new Int32Array(size);
        this.mask = size - 1;
        this.words.forEach((word, i) => {
            let slot = TextSet.hash(word, 0, word.length) & this.mask;
            while (this.slots[slot] !== 0)
                slot = (slot + 1) & this.mask;
            this.slots[slot] = i + 1;
        });
    }
    static hash(source, start, end) {
        let hash = 0x811c9dc5;
        for (let i = start; i < end; i++)
            hash = Math.imul(hash ^ source.charCodeAt(i), 0x01000193);
        return hash;
    }
    has(source, start, end) {
        const length = end - start;
        let slot = TextSet.hash(source, start, end) & this.mask;
        for (let index = this.slots[slot]; index !== 0; index = this.slots[slot]) {
            const word = this.words[index - 1];
            if (word.length === length && source.startsWith(word, start))
                return true;
            slot = (slot + 1) & this.mask;
        }
        return false;
    }
}
/** The text an enum compares a non-numeric cast value by. */
function canonical(value) {
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
/** NaN compares false with everything; a bounded column must not let it through. */
function isOutside(bound, number) {
    return (Number.isNaN(number) ||
        (bound.below
            ? bound.exclusive
                ? number <= bound.limit
                : number < bound.limit
            : bound.exclusive
                ? number >= bound.limit
                : number > bound.limit));
}
/** The length a minLength or maxLength compares: characters of a string, items or keys otherwise. */
function lengthOf(value) {
    return typeof value === 'string'
        ? [...value].length
        : Array.isArray(value)
            ? value.length
            : Object.keys(value).length;
}
/** A value written in the schema (a bound, an enum option), cast like a cell of the field. */
function castConstraint(cast, value, key, where) {
    const out = typeof value === 'string' ? cast.fromText(value) : cast.fromNative(value);
    if (out === INVALID)
        throw new errors/* UserError */.yo(`${where}.${key}: expected ${cast.expected}; got ${JSON.stringify(value)}`);
    return out;
}
const BOUND_KEYS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'];
function boundsOf(field, cast, where) {
    const bounds = [];
    for (const key of BOUND_KEYS) {
        const bound = field.constraints?.[key];
        if (bound === undefined)
            continue;
        if (!ORDERED.has(field.type))
            throw new errors/* UserError */.yo(`${where}.constraints.${key}: not allowed for type ${field.type}`);
        const below = key === 'minimum' || key === 'exclusiveMinimum';
        const exclusive = key.startsWith('exclusive');
        bounds.push({
            limit: castConstraint(cast, bound, `constraints.${key}`, where),
            below,
            exclusive,
            words: below
                ? exclusive
                    ? 'must be above'
                    : 'is below the minimum'
                : exclusive
                    ? 'must be below'
                    : 'is above the maximum',
            shown: String(bound)
        });
    }
    return bounds;
}
function lengthsOf(field, where) {
    const lengths = [];
    for (const key of ['minLength', 'maxLength']) {
        const limit = field.constraints?.[key];
        if (limit === undefined)
            continue;
        if (!SIZED.has(field.type))
            throw new errors/* UserError */.yo(`${where}.constraints.${key}: not allowed for type ${field.type}`);
        lengths.push({ limit, min: key === 'minLength' });
    }
    return lengths;
}
function patternOf(field, where) {
    const constraints = field.constraints ?? {};
    if (constraints.pattern === undefined)
        return null;
    // Table Schema and frictionless-py: a pattern is for strings.
    if (field.type !== 'string')
        throw new errors/* UserError */.yo(`${where}.constraints.pattern: not allowed for type ${field.type}`);
    try {
        return new RegExp(`^(?:${constraints.pattern})$`, 'u');
    }
    catch (error) {
        throw new errors/* UserError */.yo(`${where}.constraints.pattern: not a valid regular expression: ${error.message}`);
    }
}
/**
 * The values a field allows: its enum, or its categories (Table Schema v2; an enum beside them must be
 * a subset of them), cast like cells. Null when it lists none.
 */
function allowedValues(field, cast, where) {
    const categories = field.categories?.map((value, i) => castConstraint(cast, value, `categories[${i}]`, where));
    const listedCategories = `the categories ${field.categories?.map(String).join(', ')}`;
    const enumValues = field.constraints?.enum;
    if (!enumValues)
        return categories ? { options: categories, listed: listedCategories } : null;
    const options = enumValues.map((option, i) => castConstraint(cast, option, `constraints.enum[${i}]`, where));
    if (categories) {
        const known = new Set(categories.map(canonical));
        options.forEach((option, i) => {
            if (!known.has(canonical(option)))
                throw new errors/* UserError */.yo(`${where}.constraints.enum[${i}]: ${JSON.stringify(enumValues[i])} is not one of ${listedCategories}; an enum beside categories must be a subset of them`);
        });
    }
    return { options, listed: enumValues.map(String).join(', ') };
}
/** A field's constraints (other than required and unique) as Rules; a constraint that cannot apply throws. */
function compileRules(field, cast, where) {
    const constraints = field.constraints ?? {};
    const rules = {
        bounds: boundsOf(field, cast, where),
        lengths: lengthsOf(field, where),
        allowed: null,
        allowedTexts: null,
        numericEnum: ORDERED.has(field.type),
        listed: '',
        pattern: null,
        patternSource: constraints.pattern ?? '',
        extra: null
    };
    const allowed = allowedValues(field, cast, where);
    if (allowed) {
        // Ordered types cast to numbers: look them up as numbers, with no String(number) per cell.
        rules.allowed = new Set(rules.numericEnum ? allowed.options : allowed.options.map(canonical));
        if (cast.rangeCast === 'string')
            rules.allowedTexts = new TextSet(allowed.options.map(canonical));
        rules.listed = allowed.listed;
    }
    rules.pattern = patternOf(field, where);
    if (constraints.jsonSchema) {
        const label = `field "${field.name}"`;
        const check = jsonSchemaCheck(constraints.jsonSchema, where);
        rules.extra = value => {
            const problem = check(value);
            return problem === null
                ? null
                : { code: 'constraint-error', message: `${label}: ${JSON.stringify(value)} ${problem}` };
        };
    }
    return rules;
}

;// CONCATENATED MODULE: ./src/data/cells/dates.ts


const DAY_MS = 86_400_000;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const ISO_TIME = /^(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;
const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;
const YEARMONTH = /^(\d{4})-(\d{2})$/;
const DURATION = /^P(?!$)(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?=\d)(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil): no Date objects. */
function daysFromCivil(year, month, day) {
    const y = month <= 2 ? year - 1 : year;
    const era = Math.floor(y / 400);
    const yoe = y - era * 400;
    const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
    const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    return era * 146097 + doe - 719468;
}
/** Milliseconds since 1970 for a valid calendar date and time, else INVALID. */
function utc(year, month, day, hour = 0, minute = 0, second = 0, ms = 0) {
    if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60)
        return INVALID;
    const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    if (day > DAYS_IN_MONTH[month - 1] + (leap ? 1 : 0))
        return INVALID;
    return daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
}
/** Minutes east of UTC of a `Z`, `±HH:MM` or `±HHMM` zone (none: 0). */
function zoneMinutes(zone) {
    if (!zone || zone === 'Z')
        return 0;
    const digits = zone.slice(1).replace(':', '');
    return (zone[0] === '-' ? -1 : 1) * (+digits.slice(0, 2) * 60 + +digits.slice(2));
}
/**
 * HH:MM:SS[.fraction][Z|±HH[:]MM] as milliseconds since midnight UTC (no zone: UTC; the fraction is not
 * kept), else INVALID. With a zone, 15:00:00+02:00 is 13:00 UTC, so bounds compare the same instant.
 */
function isoTime(text) {
    const m = ISO_TIME.exec(text);
    if (!m || +m[1] > 23 || +m[2] > 59 || +m[3] > 60)
        return INVALID;
    const local = (+m[1] * 3600 + +m[2] * 60 + +m[3]) * 1000;
    if (m[4] === undefined)
        return local;
    return (((local - zoneMinutes(m[4]) * 60_000) % DAY_MS) + DAY_MS) % DAY_MS;
}
/** YYYY-MM-DDTHH:MM:SS[.fraction][Z|±HH[:]MM] as epoch milliseconds (no zone: UTC), else INVALID. */
function isoDatetime(text) {
    const m = ISO_DATETIME.exec(text);
    if (!m)
        return INVALID;
    const local = utc(+m[1], +m[2], +m[3], +m[4], +m[5], +m[6], m[7] ? Math.round(+m[7] * 1000) : 0);
    if (local === INVALID)
        return INVALID;
    return local - zoneMinutes(m[8]) * 60_000;
}
/** YYYY-MM as months since year 0 (so that bounds compare), else INVALID. */
function yearMonth(text) {
    const m = YEARMONTH.exec(text);
    return m && +m[2] >= 1 && +m[2] <= 12 ? +m[1] * 12 + +m[2] - 1 : INVALID;
}
/**
 * An ISO 8601 duration (PnYnMnWnDTnHnMnS) as milliseconds, a year counted as 365.25 days and a month as
 * 30.44 (so that bounds compare), else INVALID.
 */
function durationMs(text) {
    const m = DURATION.exec(text);
    if (!m)
        return INVALID;
    const [y, mo, w, d, h, mi, s] = m.slice(1).map(part => (part === undefined ? 0 : Number(part)));
    return ((((y * 365.25 + mo * 30.44 + w * 7 + d) * 24 + h) * 60 + mi) * 60 + s) * 1000;
}
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** Python strptime directives; anything else in a format is matched literally. */
const DIRECTIVES = {
    '%Y': { pattern: '(\\d{4})', part: 'year' },
    '%y': { pattern: '(\\d{2})', part: 'year2' },
    '%m': { pattern: '(\\d{1,2})', part: 'month' },
    '%d': { pattern: '(\\d{1,2})', part: 'day' },
    '%H': { pattern: '(\\d{1,2})', part: 'hour' },
    '%M': { pattern: '(\\d{1,2})', part: 'minute' },
    '%S': { pattern: '(\\d{1,2})', part: 'second' },
    '%f': { pattern: '(\\d{1,6})', part: 'fraction' },
    '%b': { pattern: '([A-Za-z]{3})', part: 'monthName' },
    '%%': { pattern: '%', part: '' }
};
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/** A strptime format as a regular expression, and the part of the date each of its groups holds. */
function compileFormat(format, where) {
    const parts = [];
    let source = '';
    for (let i = 0; i < format.length; i++) {
        const directive = DIRECTIVES[format.slice(i, i + 2)];
        if (format[i] === '%' && directive) {
            source += directive.pattern;
            if (directive.part)
                parts.push(directive.part);
            i++;
        }
        else if (format[i] === '%') {
            throw new errors/* UserError */.yo(`${where}.format: unsupported directive "${format.slice(i, i + 2)}" (supported: ${Object.keys(DIRECTIVES).join(' ')})`);
        }
        else
            source += escapeRegExp(format[i]);
    }
    return { regex: new RegExp(`^${source}$`), parts };
}
/**
 * A strptime-style format (Python's %Y %y %m %d %H %M %S %f %b %%) as a caster from text to epoch
 * milliseconds, or INVALID. `where` names the field in the error an unsupported directive throws.
 */
function strptime(format, where) {
    const { regex, parts } = compileFormat(format, where);
    return text => {
        const match = regex.exec(text);
        if (!match)
            return INVALID;
        const v = {
            year: 1900,
            month: 1,
            day: 1,
            hour: 0,
            minute: 0,
            second: 0,
            ms: 0
        };
        parts.forEach((part, index) => {
            const raw = match[index + 1];
            if (part === 'year2')
                v.year = +raw < 69 ? 2000 + +raw : 1900 + +raw;
            else if (part === 'monthName')
                v.month = MONTHS.indexOf(raw.toLowerCase()) + 1;
            else if (part === 'fraction')
                v.ms = Math.round(+`0.${raw}` * 1000);
            else
                v[part] = +raw;
        });
        return utc(v.year, v.month, v.day, v.hour, v.minute, v.second, v.ms);
    };
}

;// CONCATENATED MODULE: ./src/data/cells/scan.ts
// In-place scanners: each reads one cell as `source[start, end)` of a longer text, with no string made per
// cell. They run once per cell of millions of rows: hand-written loops over char codes, faster than a regex.


// 10^0 .. 10^22 are exact doubles.
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);
/** The number words of Table Schema, looked up before any scan. */
const SPECIAL_NUMBERS = {
    NaN: NaN,
    INF: Infinity,
    '+INF': Infinity,
    '-INF': -Infinity
};
/** An integer cell ([+-]digits). More than 15 digits go through Number() to stay exact. */
function integerInRange(source, start, end) {
    let i = start;
    const first = source.charCodeAt(i);
    if (first === 43 || first === 45)
        i++;
    if (i >= end)
        return INVALID;
    const digitsStart = i;
    let value = 0;
    for (; i < end; i++) {
        const digit = source.charCodeAt(i) - 48;
        if (digit < 0 || digit > 9)
            return INVALID;
        value = value * 10 + digit;
    }
    if (end - digitsStart > 15)
        return Number(source.slice(start, end));
    return first === 45 ? -value : value;
}
/**
 * Where scanNumber and scanIsoDate put the value of a cell they read: a typed slot, so that the hot path
 * that only compares it never boxes a double (a number returned as `unknown` is a heap object).
 */
const scanned = new Float64Array(1);
/**
 * A number cell into `scanned[0]`; false when it is not a number. Up to 15 digits without an exponent,
 * digits / 10^fraction is one correctly rounded division of exact doubles, so it equals Number(text).
 * Longer digit strings go through Number() (about 110 ns each here), unless `approximate`: then up to 40
 * digits are summed in doubles, within a relative 1e-14 of the exact value (see APPROXIMATION_MARGIN in
 * constraints.ts).
 */
function scanNumber(source, start, end, approximate = false) {
    const length = end - start;
    if (length === 0)
        return false;
    let i = start;
    let c = source.charCodeAt(i);
    if (length <= 4 && (c === 78 || c === 73 || c === 43 || c === 45)) {
        const word = source.slice(start, end);
        if (Object.hasOwn(SPECIAL_NUMBERS, word)) {
            scanned[0] = SPECIAL_NUMBERS[word];
            return true;
        }
    }
    const negative = c === 45;
    if (c === 43 || c === 45)
        i++;
    let mantissa = 0;
    let digits = 0;
    let fraction = 0;
    for (; i < end; i++) {
        c = source.charCodeAt(i);
        if (c < 48 || c > 57)
            break;
        mantissa = mantissa * 10 + (c - 48);
        digits++;
    }
    if (i < end && c === 46) {
        for (i++; i < end; i++) {
            c = source.charCodeAt(i);
            if (c < 48 || c > 57)
                break;
            mantissa = mantissa * 10 + (c - 48);
            digits++;
            fraction++;
        }
    }
    if (digits === 0)
        return false;
    if (i === end) {
        if (digits > 15 && !(approximate && digits <= 40 && fraction <= 22)) {
            scanned[0] = Number(source.slice(start, end));
            return true;
        }
        const value = fraction ? mantissa / POWERS_OF_TEN[fraction] : mantissa;
        scanned[0] = negative ? -value : value;
        return true;
    }
    if (c !== 101 && c !== 69)
        return false;
    i++;
    c = source.charCodeAt(i);
    if (i < end && (c === 43 || c === 45))
        i++;
    const exponentStart = i;
    for (; i < end; i++) {
        c = source.charCodeAt(i);
        if (c < 48 || c > 57)
            return false;
    }
    if (i === exponentStart)
        return false;
    scanned[0] = Number(source.slice(start, end));
    return true;
}
/** A number cell as its value, or INVALID (see scanNumber). */
function numberInRange(source, start, end, approximate = false) {
    return scanNumber(source, start, end, approximate) ? scanned[0] : INVALID;
}
/**
 * An integer or number with spaces around it (`" 01 "`), read as frictionless-py and pandas read it (Python's
 * int() and Decimal() strip whitespace; XML Schema's numbers collapse it); INVALID without such spaces. Asked
 * only of a cell the plain scan refused, so a number cell pays nothing for it.
 */
function paddedNumberInRange(source, start, end, integer, approximate = false) {
    let from = start;
    let to = end;
    while (from < to && WHITESPACE.test(source[from]))
        from++;
    while (to > from && WHITESPACE.test(source[to - 1]))
        to--;
    if ((from === start && to === end) || from === to)
        return INVALID;
    return integer ? integerInRange(source, from, to) : numberInRange(source, from, to, approximate);
}
const WHITESPACE = /\s/;
/** `count` ASCII digits at `at` as a number, or -1. */
function digitsAt(source, at, count) {
    let value = 0;
    for (let k = at; k < at + count; k++) {
        const digit = source.charCodeAt(k) - 48;
        if (digit < 0 || digit > 9)
            return -1;
        value = value * 10 + digit;
    }
    return value;
}
/** A YYYY-MM-DD cell as epoch milliseconds into `scanned[0]`; false when it is not a valid date. */
function scanIsoDate(source, start, end) {
    if (end - start !== 10 ||
        source.charCodeAt(start + 4) !== 45 ||
        source.charCodeAt(start + 7) !== 45)
        return false;
    const year = digitsAt(source, start, 4);
    const month = digitsAt(source, start + 5, 2);
    const day = digitsAt(source, start + 8, 2);
    if (year < 0 || month < 0 || day < 0)
        return false;
    const time = utc(year, month, day);
    if (time === INVALID)
        return false;
    scanned[0] = time;
    return true;
}
/** A YYYY-MM-DD cell as epoch milliseconds, or INVALID. */
function isoDateInRange(source, start, end) {
    return scanIsoDate(source, start, end) ? scanned[0] : INVALID;
}
/** Whether the cell is one of `words`. */
function rangeIsOneOf(words, source, start, end) {
    const length = end - start;
    for (let k = 0; k < words.length; k++)
        if (words[k].length === length && source.startsWith(words[k], start))
            return true;
    return false;
}

;// CONCATENATED MODULE: ./src/data/cells/fast-cells.ts


const FIELD = 0;
const INTEGER = 1;
const NUMBER = 2;
const DATE = 3;
const BOOLEAN = 4;
const STRING = 5;
/** A column no field reads (not in the schema): nothing to check. */
const UNREAD = 6;
const KINDS = {
    integer: INTEGER,
    number: NUMBER,
    'iso-date': DATE,
    boolean: BOOLEAN,
    string: STRING
};
// What `accepts` says of a cell.
const FIELD_CHECKS = 0;
const TAKEN = 1;
const MISSING_TAKEN = 2;
/**
 * Per column, the cast and the tightest bounds, held in typed arrays: one class and one loop for every
 * column, so the row loop stays monomorphic and no number is boxed on the way.
 */
class FastCells {
    /** The kind of check of each column; FIELD: the field checks every cell. */
    kinds;
    low;
    lowOpen;
    high;
    highOpen;
    approximate;
    onlyEmptyMissing;
    specs;
    /** The value of the last cell accepted (its number, or 1/0 for a boolean). */
    number = 0;
    /** After acceptRow: 1 for each cell the field must check. */
    pending;
    /** Missing values accepted per column (not required) since the last takeMissing. */
    missing;
    required;
    /** `fieldOnly`: columns whose every cell the field must see (the label, counted by its text). */
    constructor(columns, fieldOnly) {
        const n = columns.length;
        this.kinds = new Uint8Array(n);
        this.low = new Float64Array(n).fill(-Infinity);
        this.lowOpen = new Uint8Array(n);
        this.high = new Float64Array(n).fill(Infinity);
        this.highOpen = new Uint8Array(n);
        this.approximate = new Uint8Array(n);
        this.onlyEmptyMissing = new Uint8Array(n);
        this.pending = new Uint8Array(n);
        this.missing = new Float64Array(n);
        this.required = Uint8Array.from(columns, field => (field?.required ? 1 : 0));
        this.specs = columns.map((field, k) => (fieldOnly.has(k) ? null : (field?.fastCell() ?? null)));
        this.specs.forEach((spec, k) => {
            if (columns[k] === null)
                this.kinds[k] = UNREAD;
            if (!spec)
                return;
            this.kinds[k] = KINDS[spec.cast];
            this.approximate[k] = spec.approximate ? 1 : 0;
            this.onlyEmptyMissing[k] =
                spec.missingValues.length === 1 && spec.missingValues[0] === '' ? 1 : 0;
            for (const bound of spec.bounds)
                this.tighten(k, bound);
        });
    }
    /** Whether any column has a check here (else the row loop need not ask). */
    get useful() {
        return this.kinds.some(kind => kind !== FIELD && kind !== UNREAD);
    }
    /**
     * Every cell of columns [0, count) that this path accepts is fed to the keys it belongs to; `pending[k]`
     * is 1 for each cell the field must check. False when there is one (true: the common row, all done).
     */
    acceptRow(text, count, keys, across) {
        const { source, starts, ends } = text;
        const pending = this.pending;
        let all = true;
        for (let k = 0; k < count; k++) {
            // A cell with doubled quotes is checked as its text, like a JSON string.
            const escaped = text.escapedAt(k);
            const cell = escaped ?? source;
            const start = escaped === undefined ? starts[k] : 0;
            const end = escaped === undefined ? ends[k] : escaped.length;
            const verdict = this.accepts(k, cell, start, end);
            if (verdict === TAKEN) {
                pending[k] = 0;
                if (keys.feeds(k))
                    keys.value(k, this.value(k, cell, start, end), across);
            }
            else if (verdict === MISSING_TAKEN) {
                pending[k] = 0;
                this.missing[k]++;
            }
            else {
                pending[k] = 1;
                all = false;
            }
        }
        return all;
    }
    /** The missing values accepted per column since the last call, then zero. */
    takeMissing() {
        const counts = this.missing.slice();
        this.missing.fill(0);
        return counts;
    }
    tighten(k, { limit, below, exclusive }) {
        if (below) {
            if (limit > this.low[k] || (limit === this.low[k] && exclusive)) {
                this.low[k] = limit;
                this.lowOpen[k] = exclusive ? 1 : 0;
            }
        }
        else if (limit < this.high[k] || (limit === this.high[k] && exclusive)) {
            this.high[k] = limit;
            this.highOpen[k] = exclusive ? 1 : 0;
        }
    }
    /**
     * Whether cell `k`, `source[start, end)`, is fine by every rule of its field: TAKEN, or MISSING_TAKEN
     * for a missing value the field does not require. FIELD_CHECKS says nothing: the field must check it.
     * Measured hot path: one switch, no call that allocates.
     */
    accepts(k, source, start, end) {
        const kind = this.kinds[k];
        if (kind === UNREAD)
            return TAKEN;
        if (kind === FIELD)
            return FIELD_CHECKS;
        const spec = this.specs[k];
        if (this.onlyEmptyMissing[k] === 1
            ? start === end
            : rangeIsOneOf(spec.missingValues, source, start, end))
            return this.required[k] === 1 ? FIELD_CHECKS : MISSING_TAKEN;
        if (start === end)
            return FIELD_CHECKS;
        return this.acceptsValue(k, kind, spec, source, start, end) ? TAKEN : FIELD_CHECKS;
    }
    acceptsValue(k, kind, spec, source, start, end) {
        let number;
        switch (kind) {
            case INTEGER: {
                number = digitsValue(source, start, end);
                if (number !== number)
                    return false;
                break;
            }
            case NUMBER: {
                if (!scanNumber(source, start, end, this.approximate[k] === 1))
                    return false;
                number = scanned[0];
                if (number !== number)
                    return false;
                break;
            }
            case DATE: {
                if (!scanIsoDate(source, start, end))
                    return false;
                number = scanned[0];
                break;
            }
            case BOOLEAN: {
                if (rangeIsOneOf(spec.trueValues, source, start, end))
                    number = 1;
                else if (rangeIsOneOf(spec.falseValues, source, start, end))
                    number = 0;
                else
                    return false;
                break;
            }
            default:
                if (spec.texts !== null && !spec.texts.has(source, start, end))
                    return false;
                return spec.pattern === null || spec.pattern.test(source.slice(start, end));
        }
        if (!this.withinBounds(k, number))
            return false;
        if (spec.numbers !== null && !spec.numbers.has(number))
            return false;
        this.number = number;
        return spec.pattern === null || spec.pattern.test(source.slice(start, end));
    }
    /** The cast value of the cell `accepts` took last, as the field would hold it (for the keys). */
    value(k, source, start, end) {
        const kind = this.kinds[k];
        return kind === STRING
            ? source.slice(start, end)
            : kind === BOOLEAN
                ? this.number === 1
                : this.number;
    }
    /** Inside every bound, and for an approximate number clear of each by the approximation's margin. */
    withinBounds(k, number) {
        const low = this.low[k];
        const high = this.high[k];
        if (this.lowOpen[k] === 1 ? !(number > low) : !(number >= low))
            return false;
        if (this.highOpen[k] === 1 ? !(number < high) : !(number <= high))
            return false;
        if (this.approximate[k] === 0)
            return true;
        const margin = APPROXIMATION_MARGIN;
        return ((low === -Infinity || number - low > margin * (Math.abs(number) + Math.abs(low))) &&
            (high === Infinity || high - number > margin * (Math.abs(number) + Math.abs(high))));
    }
}
/** [+-] and 1 to 15 digits as a number; NaN for anything else (the field then reads the cell). */
function digitsValue(source, start, end) {
    const first = source.charCodeAt(start);
    let i = first === 43 || first === 45 ? start + 1 : start;
    if (i >= end || end - i > 15)
        return NaN;
    let value = 0;
    for (; i < end; i++) {
        const digit = source.charCodeAt(i) - 48;
        if (digit < 0 || digit > 9)
            return NaN;
        value = value * 10 + digit;
    }
    return first === 45 ? -value : value;
}

;// CONCATENATED MODULE: ./src/data/primary-key.ts
// A leaf with no imports: the validator (and its worker) read a schema's primary key without loading
// schema.ts, whose zod and yaml the worker bundle does not need.
/** The primary key's fields, however the schema wrote it (a name, a list, or none). */
function primaryKeyOf(schema) {
    return schema.primaryKey === undefined ? [] : [schema.primaryKey].flat();
}
/**
 * The checks that compare a row with every other row (key-tracker.ts's KeyChecks): unique fields, the
 * primary key, unique keys, and duplicate rows when mlChecks asks for them.
 */
function keyChecksOf(schema) {
    return {
        unique: schema.fields.filter(field => field.constraints?.unique).map(field => field.name),
        primaryKey: primaryKeyOf(schema),
        uniqueKeys: schema.uniqueKeys ?? [],
        duplicateRows: schema.mlChecks?.duplicateRows === 'error'
    };
}

;// CONCATENATED MODULE: ./src/data/cells/geo.ts
// The structure of geographic values: GeoJSON (RFC 7946) and TopoJSON objects, and WKT text. Structure
// only, as frictionless-py checks it: types, coordinates as nested lists of numbers with the right depth
// and counts. Geometry validity (self-intersections, ring orientation, closed rings) is not checked.
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNumber = (value) => typeof value === 'number' && Number.isFinite(value);
const listOf = (value, each, min = 0) => Array.isArray(value) && value.length >= min && value.every(each);
// GeoJSON: a position is 2 or 3 numbers (RFC 7946 3.1.1 allows an altitude).
const position = (value) => Array.isArray(value) && (value.length === 2 || value.length === 3) && value.every(isNumber);
const lineString = (value) => listOf(value, position, 2);
const linearRing = (value) => listOf(value, position, 4);
const polygon = (value) => listOf(value, linearRing);
const COORDINATES = {
    Point: position,
    MultiPoint: value => listOf(value, position),
    LineString: lineString,
    MultiLineString: value => listOf(value, lineString),
    Polygon: polygon,
    MultiPolygon: value => listOf(value, polygon)
};
/** A bbox: 2n numbers, n ≥ 2. */
const bbox = (value) => value === undefined || (listOf(value, isNumber, 4) && value.length % 2 === 0);
function geometry(value) {
    if (!isObject(value) || !bbox(value.bbox))
        return false;
    if (value.type === 'GeometryCollection')
        return listOf(value.geometries, geometry);
    const coordinates = COORDINATES[String(value.type)];
    return coordinates !== undefined && coordinates(value.coordinates);
}
function feature(value) {
    return (isObject(value) &&
        value.type === 'Feature' &&
        bbox(value.bbox) &&
        (value.geometry === null || geometry(value.geometry)) &&
        (value.properties === null || isObject(value.properties)));
}
/** A GeoJSON geometry, Feature or FeatureCollection. */
function isGeoJson(value) {
    if (!isObject(value))
        return false;
    if (value.type === 'Feature')
        return feature(value);
    if (value.type === 'FeatureCollection')
        return bbox(value.bbox) && listOf(value.features, feature);
    return geometry(value);
}
// TopoJSON: geometries refer to arcs by index; positions (in arcs and points) are 2 or more numbers.
const topoPosition = (value) => listOf(value, isNumber, 2);
const arcIndexes = (value) => listOf(value, Number.isInteger);
const TOPO_MEMBERS = {
    Point: ['coordinates', topoPosition],
    MultiPoint: ['coordinates', value => listOf(value, topoPosition)],
    LineString: ['arcs', arcIndexes],
    MultiLineString: ['arcs', value => listOf(value, arcIndexes)],
    Polygon: ['arcs', value => listOf(value, arcIndexes)],
    MultiPolygon: ['arcs', value => listOf(value, item => listOf(item, arcIndexes))]
};
function topoGeometry(value) {
    if (!isObject(value))
        return false;
    if (value.type === null)
        return true;
    if (value.type === 'GeometryCollection')
        return listOf(value.geometries, topoGeometry);
    const member = TOPO_MEMBERS[String(value.type)];
    return member !== undefined && member[1](value[member[0]]);
}
const transform = (value) => value === undefined ||
    (isObject(value) && topoPosition(value.scale) && topoPosition(value.translate));
/** A TopoJSON Topology (objects and arcs), or one TopoJSON geometry. */
function isTopoJson(value) {
    if (!isObject(value) || !bbox(value.bbox))
        return false;
    if (value.type !== 'Topology')
        return topoGeometry(value);
    return (isObject(value.objects) &&
        Object.values(value.objects).every(topoGeometry) &&
        listOf(value.arcs, arc => listOf(arc, item => item === null || topoPosition(item), 2)) &&
        transform(value.transform));
}
/**
 * A WKT geometry, by the grammar of OGC Simple Features (the one frictionless-py's parser implements):
 * POINT, LINESTRING, CIRCULARSTRING, COMPOUNDCURVE, CURVEPOLYGON, POLYGON, TRIANGLE, MULTIPOINT,
 * MULTICURVE, MULTILINESTRING, MULTISURFACE, MULTIPOLYGON, POLYHEDRALSURFACE, TIN and
 * GEOMETRYCOLLECTION, each optionally Z, M or ZM, or EMPTY. Keywords in any case.
 */
function isWkt(text) {
    return new WktParser(text).whole();
}
const geo_NUMBER = /[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const WORD = /[A-Za-z]+/y;
class WktParser {
    text;
    at = 0;
    /** Numbers per point: fixed by Z, M or ZM, else set by the first point (2 to 4). */
    dimensions = 0;
    constructor(text) {
        this.text = text;
    }
    whole() {
        return this.representation() && (this.space(), this.at === this.text.length);
    }
    space() {
        while (this.at < this.text.length && /\s/.test(this.text[this.at]))
            this.at++;
    }
    word() {
        this.space();
        WORD.lastIndex = this.at;
        const match = WORD.exec(this.text);
        return match ? match[0].toUpperCase() : '';
    }
    /** Consumes `keyword` (any case) if it comes next. */
    keyword(keyword) {
        const start = this.at;
        if (this.word() === keyword) {
            this.at += keyword.length;
            return true;
        }
        this.at = start;
        return false;
    }
    char(char) {
        this.space();
        if (this.text[this.at] !== char)
            return false;
        this.at++;
        return true;
    }
    number() {
        this.space();
        geo_NUMBER.lastIndex = this.at;
        const match = geo_NUMBER.exec(this.text);
        if (!match)
            return false;
        this.at += match[0].length;
        return true;
    }
    point() {
        let count = 0;
        while (count < 4 && this.number())
            count++;
        if (count < 2)
            return false;
        if (this.dimensions === 0)
            this.dimensions = count;
        return count === this.dimensions;
    }
    /** EMPTY, or `( item {, item} )`. */
    list(item) {
        if (this.keyword('EMPTY'))
            return true;
        if (!this.char('(') || !item())
            return false;
        while (this.char(','))
            if (!item())
                return false;
        return this.char(')');
    }
    pointText = () => this.list(() => this.point());
    lineString = () => this.list(() => this.point());
    polygon = () => this.list(this.lineString);
    /** A curve inside a compound curve, curve polygon or multicurve: a bare linestring or a tagged curve. */
    curve = (compound) => {
        if (this.keyword('CIRCULARSTRING'))
            return this.lineString();
        if (compound && this.keyword('COMPOUNDCURVE'))
            return this.list(() => this.curve(false));
        return this.lineString();
    };
    surface = () => this.keyword('CURVEPOLYGON') ? this.list(() => this.curve(true)) : this.polygon();
    bodies = {
        POINT: this.pointText,
        LINESTRING: this.lineString,
        CIRCULARSTRING: this.lineString,
        COMPOUNDCURVE: () => this.list(() => this.curve(false)),
        CURVEPOLYGON: () => this.list(() => this.curve(true)),
        POLYGON: this.polygon,
        TRIANGLE: this.polygon,
        MULTIPOINT: () => this.list(() => this.pointText() || this.point()),
        MULTICURVE: () => this.list(() => this.curve(true)),
        MULTILINESTRING: () => this.list(this.lineString),
        MULTISURFACE: () => this.list(this.surface),
        MULTIPOLYGON: () => this.list(this.polygon),
        POLYHEDRALSURFACE: () => this.list(this.polygon),
        TIN: () => this.list(this.polygon),
        GEOMETRYCOLLECTION: () => this.list(() => this.representation())
    };
    representation() {
        const start = this.at;
        const word = this.word();
        const body = this.bodies[word];
        if (!body)
            return false;
        this.at = start;
        this.keyword(word);
        const saved = this.dimensions;
        const tag = this.word();
        if (tag === 'Z' || tag === 'M' || tag === 'ZM') {
            this.keyword(tag);
            this.dimensions = tag === 'ZM' ? 4 : 3;
        }
        else if (word === 'GEOMETRYCOLLECTION')
            this.dimensions = 0;
        const ok = body();
        if (word === 'GEOMETRYCOLLECTION')
            this.dimensions = saved;
        return ok;
    }
}

;// CONCATENATED MODULE: ./src/data/cells/casts.ts




const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const showText = (_value, text) => text;
const showValue = (value) => String(value);
/** A native cast that keeps the values `accepts` takes. */
function casts_native(accepts) {
    return value => (accepts(value) ? value : INVALID);
}
/** The caster of a field, by its type (and format, and number or boolean options). */
function caster(field, where) {
    switch (field.type) {
        case 'integer':
            return numeric(field, true);
        case 'number':
            return numeric(field, false);
        case 'boolean':
            return casts_boolean(field);
        case 'date':
        case 'datetime':
        case 'time':
            return dateLike(field, where, field.type);
        case 'year':
            return year();
        case 'yearmonth':
            return {
                ...textOnly('a year and month as YYYY-MM', yearMonth),
                fromNative: yearMonthPair
            };
        case 'duration':
            return textOnly('an ISO 8601 duration such as P1DT2H', durationMs);
        case 'object':
        case 'array':
            return json(field.type);
        case 'list':
            return list(field, where);
        case 'geopoint':
            return geopoint(field);
        case 'geojson':
            return geojson(field);
        case 'any':
            return {
                expected: 'any value',
                fromText: text => text,
                fromNative: value => value,
                show: showText
            };
        case 'string':
            return string(field);
    }
}
/** Number options other than the defaults as a rewrite of the text to a plain number; else null. */
function numberNormaliser(field) {
    const plain = field.bareNumber !== false &&
        !field.groupChar &&
        (!field.decimalChar || field.decimalChar === '.');
    if (plain)
        return null;
    const decimalChar = field.decimalChar && field.decimalChar !== '.' ? field.decimalChar : null;
    return text => {
        let out = text;
        if (field.bareNumber === false)
            out = out.replace(/^[^\d+\-.]+|\D+$/g, '');
        if (field.groupChar)
            out = out.split(field.groupChar).join('');
        if (decimalChar === null)
            return out;
        // With another decimal character, a "." is no part of a number (as frictionless-py reads it).
        return out.includes('.') ? '' : out.replace(decimalChar, '.');
    };
}
function numeric(field, integer) {
    const normaliser = numberNormaliser(field);
    const normalise = normaliser ?? ((text) => text);
    // The same scans as cells read in place; special words are looked up before a bare-number strip.
    // Spaces around a number are no part of it (scan.ts: paddedNumberInRange).
    const fromText = integer
        ? text => {
            const normal = normalise(text.trim());
            return integerInRange(normal, 0, normal.length);
        }
        : text => {
            const trimmed = text.trim();
            if (Object.hasOwn(SPECIAL_NUMBERS, trimmed))
                return SPECIAL_NUMBERS[trimmed];
            const normal = normalise(trimmed);
            return numberInRange(normal, 0, normal.length);
        };
    return {
        expected: integer ? 'an integer' : 'a number',
        fromText,
        rangeCast: normaliser === null ? (integer ? 'integer' : 'number') : undefined,
        fromNative: value => {
            if (typeof value === 'bigint')
                return Number(value);
            if (typeof value === 'number')
                return integer && !Number.isInteger(value) ? INVALID : value;
            return INVALID;
        },
        show: showValue
    };
}
function casts_boolean(field) {
    const trueValues = field.trueValues ?? ['true', 'True', 'TRUE', '1'];
    const falseValues = field.falseValues ?? ['false', 'False', 'FALSE', '0'];
    return {
        expected: `a boolean (${[...trueValues, ...falseValues].join(', ')})`,
        fromText: text => trueValues.includes(text) ? true : falseValues.includes(text) ? false : INVALID,
        rangeCast: 'boolean',
        words: { trueValues, falseValues },
        fromNative: casts_native(value => typeof value === 'boolean'),
        show: showValue
    };
}
/** What a date, time or datetime cell must look like, for messages. */
function expectedDate(kind, format) {
    const noun = kind === 'date' ? 'a date' : kind === 'time' ? 'a time' : 'a datetime';
    if (format === 'any')
        return noun;
    if (format !== 'default')
        return `${noun} as ${format}`;
    return `${noun}${kind === 'date' ? ' as YYYY-MM-DD' : kind === 'time' ? ' as HH:MM:SS[Z|±HH:MM]' : ' as YYYY-MM-DDTHH:MM:SS[Z|±HH:MM]'}`;
}
/** The text cast of a date-like field: ISO 8601 by default, Date.parse for "any", else strptime. */
function dateFromText(kind, format, where) {
    if (format === 'default')
        return kind === 'date'
            ? text => isoDateInRange(text, 0, text.length)
            : kind === 'time'
                ? isoTime
                : isoDatetime;
    const parse = format === 'any'
        ? (text) => Date.parse(kind === 'time' ? `1970-01-01T${text}${ZONED.test(text) ? '' : 'Z'}` : text)
        : strptime(format.replace(/^fmt:/, ''), where);
    return text => {
        const time = parse(text);
        return typeof time !== 'number' || Number.isNaN(time) ? INVALID : ofKind(kind, time);
    };
}
/** A time with a zone: Z or an offset. */
const ZONED = /(?:Z|[+-]\d{2}:?\d{2})$/;
/** An instant as the default format casts its kind: a date at midnight, a time as the time of day (UTC). */
function ofKind(kind, time) {
    if (kind === 'datetime')
        return time;
    return kind === 'date' ? Math.floor(time / DAY_MS) * DAY_MS : ((time % DAY_MS) + DAY_MS) % DAY_MS;
}
function dateLike(field, where, kind) {
    const format = field.format ?? 'default';
    return {
        expected: expectedDate(kind, format),
        fromText: dateFromText(kind, format, where),
        rangeCast: format === 'default' && kind === 'date' ? 'iso-date' : undefined,
        fromNative: value => {
            if (!(value instanceof Date))
                return INVALID;
            const time = value.getTime();
            // A timestamp is a date only at midnight (frictionless-py: a datetime with a time is no date).
            if (kind === 'date' && time % DAY_MS !== 0)
                return INVALID;
            return Number.isNaN(time) ? INVALID : ofKind(kind, time);
        },
        show: showText
    };
}
function year() {
    return {
        expected: 'a year as YYYY',
        fromText: text => (/^\d{4}$/.test(text) ? Number(text) : INVALID),
        fromNative: casts_native(v => Number.isInteger(v) && v >= 0 && v <= 9999),
        show: showValue
    };
}
/** frictionless-py's other yearmonth: a JSON [year, month], as months since year 0; else INVALID. */
function yearMonthPair(value) {
    if (!Array.isArray(value) || value.length !== 2)
        return INVALID;
    const [year, month] = value;
    return Number.isInteger(year) && Number.isInteger(month) && month >= 1 && month <= 12
        ? year * 12 + month - 1
        : INVALID;
}
/** A type that only text has: no JSON or Parquet value is one. */
function textOnly(expected, fromText) {
    return { expected, fromText, fromNative: casts_native(() => false), show: showText };
}
/** Text that parses as JSON and is the right kind of value. */
function jsonText(fits) {
    return text => {
        try {
            const value = JSON.parse(text);
            return fits(value) ? value : INVALID;
        }
        catch {
            return INVALID;
        }
    };
}
function json(kind) {
    const fits = (value) => kind === 'array'
        ? Array.isArray(value)
        : typeof value === 'object' && value !== null && !Array.isArray(value);
    return {
        expected: kind === 'object' ? 'a JSON object' : 'a JSON array',
        fromText: jsonText(fits),
        fromNative: casts_native(fits),
        show: showText
    };
}
/** A number, or a string of one, as a number; else NaN. */
function coordinate(value) {
    if (typeof value === 'number')
        return value;
    return typeof value === 'string' && DECIMAL.test(value) ? Number(value) : NaN;
}
/** [lon, lat] when both are finite numbers in range (lon -180..180, lat -90..90), else INVALID. */
function lonLat(lonValue, latValue) {
    const lon = coordinate(lonValue);
    const lat = coordinate(latValue);
    return Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90
        ? [lon, lat]
        : INVALID;
}
/** A parsed geopoint in its format: [lon, lat] for array, an object of lon and lat only for object. */
function geopointOf(value, format) {
    if (format !== 'object')
        return Array.isArray(value) && value.length === 2 ? lonLat(value[0], value[1]) : INVALID;
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        return INVALID;
    const { lon, lat, ...rest } = value;
    return Object.keys(rest).length === 0 ? lonLat(lon, lat) : INVALID;
}
function geopoint(field) {
    const format = field.format ?? 'default';
    const fromText = text => {
        if (format === 'default') {
            const parts = text.split(',');
            return parts.length === 2 ? lonLat(parts[0].trim(), parts[1].trim()) : INVALID;
        }
        try {
            return geopointOf(JSON.parse(text), format);
        }
        catch {
            return INVALID;
        }
    };
    const shape = format === 'default'
        ? '"lon, lat"'
        : format === 'array'
            ? '[lon, lat]'
            : '{"lon": .., "lat": ..}';
    return {
        expected: `a geopoint as ${shape} (lon -180..180, lat -90..90)`,
        fromText,
        fromNative: value => geopointOf(value, format === 'object' ? 'object' : 'array'),
        show: showText
    };
}
function geojson(field) {
    const topo = field.format === 'topojson';
    const fits = topo ? isTopoJson : isGeoJson;
    return {
        expected: topo
            ? 'a TopoJSON object (a Topology, or a geometry with arcs)'
            : 'a GeoJSON object (a geometry, Feature or FeatureCollection with well-formed coordinates)',
        fromText: jsonText(fits),
        fromNative: casts_native(fits),
        show: showText
    };
}
/** A list field: text split at the delimiter, each item cast by the item type's default format. */
function list(field, where) {
    const delimiter = field.delimiter ?? ',';
    const itemType = field.itemType ?? 'string';
    const item = caster({ name: field.name ?? '', type: itemType }, where);
    const items = (values) => {
        const out = [];
        for (const value of values) {
            const cast = typeof value === 'string' ? item.fromText(value) : item.fromNative(value);
            if (cast === INVALID)
                return INVALID;
            out.push(cast);
        }
        return out;
    };
    return {
        expected: `a list of ${itemType} values separated by "${delimiter}"`,
        fromText: text => items(text.split(delimiter)),
        fromNative: value => (Array.isArray(value) ? items(value) : INVALID),
        show: showText
    };
}
/** The test of a string format (email, uuid, uri, binary); null for "default" and formats not checked. */
function stringFormatTest(format) {
    switch (format) {
        case 'email':
            return text => EMAIL.test(text);
        case 'uuid':
            return text => UUID.test(text);
        case 'uri':
            return text => URL.canParse(text);
        case 'binary':
            return text => BASE64.test(text);
        case 'wkt':
            return isWkt;
        default:
            return null;
    }
}
function string(field) {
    const format = field.format ?? 'default';
    const test = stringFormatTest(format);
    return {
        expected: test ? `a string in ${format} format` : 'a string',
        fromText: text => (test && !test(text) ? INVALID : text),
        rangeCast: test ? undefined : 'string',
        fromNative: casts_native(() => false),
        show: showText
    };
}

;// CONCATENATED MODULE: ./src/data/cells/field.ts





// Every cell's cast value is compared with INVALID. Compared with the imported binding itself, CSV
// validation took 3-5 % longer (bench/validate.ts data, interleaved runs); a constant of this module's own
// costs nothing.
const field_INVALID = INVALID;
const MISSING = Symbol('missing');
/** The value of a text cell that no check and no caller reads: its string is never made. */
const UNREAD_TEXT = Symbol('unread text');
function textOf(cell) {
    if (typeof cell === 'string')
        return cell;
    if (cell instanceof Date)
        return cell.toISOString();
    if (typeof cell === 'object')
        return JSON.stringify(cell);
    return String(cell);
}
/**
 * A compiled field: the cast and constraint checks of one column, applied to one cell at a time. This is
 * the hot path of validation (once per cell of millions of rows): one class, so every call site stays
 * monomorphic, and the rules are data read inline rather than a closure per constraint.
 */
class Field {
    name;
    type;
    cast;
    rules;
    value = undefined;
    // The cell being checked: a value (JSON, Parquet, a CSV cell with doubled quotes) or a range of text.
    // Its text is made only when a check or a message needs it: a string per cell adds up over millions.
    cell = undefined;
    source = null;
    start = 0;
    end = 0;
    label;
    missingValues;
    onlyEmptyIsMissing;
    required;
    requiredProblem;
    rangeCast;
    approximate;
    textUnread;
    trueValues;
    falseValues;
    constructor(name, type, cast, rules, options) {
        this.name = name;
        this.type = type;
        this.cast = cast;
        this.rules = rules;
        this.label = `field "${name}"`;
        this.missingValues = options.missingValues;
        this.onlyEmptyIsMissing = options.missingValues.length === 1 && options.missingValues[0] === '';
        this.required = options.required;
        this.requiredProblem = {
            code: 'constraint-error',
            message: `${this.label} is required; the cell is empty`
        };
        this.rangeCast = cast.rangeCast;
        this.approximate = options.approximate;
        // A string field's text is made only for a check that needs the string (an enum looks up ranges).
        this.textUnread =
            !options.valueRead &&
                rules.lengths.length === 0 &&
                (rules.allowed === null || rules.allowedTexts !== null) &&
                rules.pattern === null;
        this.trueValues = cast.words?.trueValues ?? [];
        this.falseValues = cast.words?.falseValues ?? [];
    }
    fastCell() {
        const { rules, rangeCast } = this;
        if (rangeCast === undefined || rules.extra !== null || rules.lengths.length)
            return null;
        const ordered = rangeCast === 'integer' || rangeCast === 'number' || rangeCast === 'iso-date';
        const numbers = ordered && rules.numericEnum ? rules.allowed : null;
        if (rules.allowed !== null && numbers === null && rules.allowedTexts === null)
            return null;
        return {
            cast: rangeCast,
            missingValues: this.missingValues,
            approximate: this.approximate,
            bounds: rules.bounds,
            numbers,
            texts: rules.allowedTexts,
            pattern: rules.pattern,
            trueValues: this.trueValues,
            falseValues: this.falseValues
        };
    }
    cellText() {
        return this.source === null ? textOf(this.cell) : this.source.slice(this.start, this.end);
    }
    check(cell) {
        // Text (a JSON string, a CSV cell with doubled quotes) is cast like a range of CSV text.
        if (typeof cell === 'string')
            return this.checkRange(cell, 0, cell.length);
        this.source = null;
        this.cell = cell;
        if (cell === null || cell === undefined)
            return this.missing();
        // A JSON or Parquet value that already has the field's type needs no cast.
        const fits = typeof cell === 'number'
            ? this.rangeCast === 'number' || (this.rangeCast === 'integer' && Number.isInteger(cell))
            : typeof cell === 'boolean' && this.rangeCast === 'boolean';
        return this.afterCast(fits ? cell : this.cast.fromNative(cell));
    }
    checkText(cells, index) {
        const escaped = cells.escapedAt(index);
        if (escaped !== undefined)
            return this.checkRange(escaped, 0, escaped.length);
        return this.checkRange(cells.source, cells.starts[index], cells.ends[index]);
    }
    checkRange(source, start, end) {
        this.source = source;
        this.start = start;
        this.end = end;
        if (this.onlyEmptyIsMissing ? start === end : rangeIsOneOf(this.missingValues, source, start, end))
            return this.missing();
        let value;
        switch (this.rangeCast) {
            case 'integer':
                value = integerInRange(source, start, end);
                if (value === field_INVALID)
                    value = paddedNumberInRange(source, start, end, true);
                break;
            case 'number':
                value = numberInRange(source, start, end, this.approximate);
                if (value === field_INVALID)
                    value = paddedNumberInRange(source, start, end, false, this.approximate);
                break;
            case 'iso-date':
                value = isoDateInRange(source, start, end);
                break;
            case 'boolean':
                value = rangeIsOneOf(this.trueValues, source, start, end)
                    ? true
                    : rangeIsOneOf(this.falseValues, source, start, end)
                        ? false
                        : field_INVALID;
                break;
            case 'string':
                value = this.textUnread ? UNREAD_TEXT : source.slice(start, end);
                break;
            default:
                value = this.cast.fromText(source.slice(start, end));
        }
        return this.afterCast(value);
    }
    missing() {
        this.value = MISSING;
        return this.required ? this.requiredProblem : null;
    }
    // One piece on purpose, though longer than the rest: with its type-error and length messages split into
    // methods of their own, V8 stopped inlining checkText and checkRange into the row loop (CPU profile) and
    // CSV validation took about 3 % longer (bench/validate.ts data, interleaved runs).
    afterCast(value) {
        this.value = value;
        if (value === field_INVALID) {
            const shown = this.source !== null
                ? JSON.stringify(this.cellText())
                : `${typeof this.cell} ${textOf(this.cell)}`;
            return {
                code: 'type-error',
                message: `${this.label}: expected ${this.cast.expected}; got ${shown}`
            };
        }
        const rules = this.rules;
        for (let i = 0; i < rules.bounds.length; i++) {
            const problem = this.checkBound(rules.bounds[i], value);
            if (problem)
                return problem;
        }
        for (let i = 0; i < rules.lengths.length; i++) {
            const { limit, min } = rules.lengths[i];
            const length = lengthOf(value);
            if (min ? length < limit : length > limit)
                return {
                    code: 'constraint-error',
                    message: `${this.label}: length ${length} is ${min ? 'below the minLength' : 'above the maxLength'} ${limit}`
                };
        }
        if (rules.allowed !== null &&
            !(value === UNREAD_TEXT
                ? this.textIsAllowed(rules.allowedTexts, rules.allowed)
                : rules.allowed.has(rules.numericEnum ? value : canonical(value))))
            return {
                code: 'constraint-error',
                message: `${this.label}: "${this.cellText()}" is not one of ${rules.listed}`
            };
        if (rules.pattern !== null) {
            const text = typeof value === 'string' ? value : this.cellText();
            if (!rules.pattern.test(text))
                return {
                    code: 'constraint-error',
                    message: `${this.label}: "${text}" does not match the pattern ${rules.patternSource}`
                };
        }
        return rules.extra === null ? null : rules.extra(value);
    }
    /** A whole string (JSON, Parquet: often the same dictionary string, hashed once) is looked up as is. */
    textIsAllowed(texts, allowed) {
        const source = this.source;
        return this.start === 0 && this.end === source.length
            ? allowed.has(source)
            : texts.has(source, this.start, this.end);
    }
    checkBound(bound, value) {
        let number = value;
        let outside = isOutside(bound, number);
        // An approximate number near the bound (or outside it: the message shows it) is cast exactly.
        if (this.approximate &&
            this.source !== null &&
            (outside ||
                Math.abs(number - bound.limit) <=
                    APPROXIMATION_MARGIN * (Math.abs(number) + Math.abs(bound.limit)))) {
            const { source, start, end } = this;
            const exact = numberInRange(source, start, end);
            number = (exact === field_INVALID ? paddedNumberInRange(source, start, end, false) : exact);
            outside = isOutside(bound, number);
        }
        return outside
            ? {
                code: 'constraint-error',
                message: `${this.label}: ${this.cast.show(number, this.cellText())} ${bound.words} ${bound.shown}`
            }
            : null;
    }
}
/**
 * frictionless-py's arrayItem: every item of an array cell checked as a cell of a field of its own; the
 * first item that fails is the cell's problem, with the item's index.
 */
function arrayItemCheck(field, item, index, schemaMissingValues, schemaLabel) {
    const name = `${field.name}[]`;
    const where = `${schemaLabel}: fields[${index}].arrayItem`;
    const compiled = compileField({ ...item, name }, index, schemaMissingValues, schemaLabel, {
        where
    });
    const label = `field "${name}"`;
    return value => {
        const items = value;
        for (let i = 0; i < items.length; i++) {
            const problem = compiled.check(items[i]);
            if (problem)
                return {
                    code: problem.code,
                    message: problem.message.replace(label, `field "${field.name}[${i}]"`)
                };
        }
        return null;
    };
}
/** Two rare checks as one: the first that fails. */
function both(first, second) {
    return first === null ? second : value => first(value) ?? second(value);
}
/**
 * Compiles one field: its cast and its constraints as data, checked once per cell. `valueRead`:
 * the caller reads `value` (a primary, unique or foreign key part), so it must be the exact cast, made
 * even when no check of the field's own needs it. `required`: required whatever its constraints say (a
 * primary key part). `where`: how messages about the schema name the field.
 */
function compileField(field, index, schemaMissingValues, schemaLabel, { valueRead = false, required = false, where = `${schemaLabel}: fields[${index}]` } = {}) {
    const cast = caster(field, where);
    const missingValues = [...new Set(field.missingValues ?? schemaMissingValues)];
    const constraints = field.constraints ?? {};
    valueRead ||= constraints.unique === true;
    // Only numbers read from text may be approximate; nothing but a bound check reads them.
    const approximate = cast.rangeCast === 'number' &&
        !valueRead &&
        constraints.enum === undefined &&
        field.categories === undefined;
    const rules = compileRules(field, cast, where);
    if (field.arrayItem)
        rules.extra = both(rules.extra, arrayItemCheck(field, field.arrayItem, index, schemaMissingValues, schemaLabel));
    return new Field(field.name, field.type, cast, rules, {
        missingValues,
        required: required || constraints.required === true,
        approximate,
        valueRead
    });
}
/**
 * Every field of a schema, compiled. Key fields (primary, unique and foreign keys) keep their exact cast
 * values; primary key fields are required (Table Schema: a primary key is never null).
 */
function compileSchema(schema, schemaLabel) {
    const primaryKey = primaryKeyOf(schema);
    const keyFields = new Set([
        ...primaryKey,
        ...(schema.uniqueKeys ?? []).flat(),
        ...(schema.foreignKeys ?? []).flatMap(key => [...key.fields, ...key.reference.fields])
    ]);
    return schema.fields.map((field, index) => compileField(field, index, schema.missingValues, schemaLabel, {
        valueRead: keyFields.has(field.name),
        required: primaryKey.includes(field.name)
    }));
}

;// CONCATENATED MODULE: ./src/data/dataset-checks.ts
/** A dataset-level violation has no row. */
const WHOLE = { rowNumber: 0 };
/** The checks on the dataset as a whole, after every row was read. */
function datasetChecks(checks, rows, nullCounts, classCounts, log) {
    if (!checks)
        return;
    rowCountChecks(checks.rows, rows, log);
    if (checks.maxNullFraction !== undefined && rows > 0)
        nullFractionChecks(checks.maxNullFraction, rows, nullCounts, log);
    if (checks.label && classCounts)
        labelChecks(checks.label, classCounts, rows, log);
}
function rowCountChecks(bounds, rows, log) {
    if (bounds?.min !== undefined && rows < bounds.min)
        log.add({
            code: 'row-count',
            ...WHOLE,
            message: `${rows} rows; the schema asks for at least ${bounds.min}`
        });
    if (bounds?.max !== undefined && rows > bounds.max)
        log.add({
            code: 'row-count',
            ...WHOLE,
            message: `${rows} rows; the schema allows at most ${bounds.max}`
        });
}
/** `maxNullFraction`: one limit for every field, or a limit per named field. */
function nullFractionChecks(maxNullFraction, rows, nullCounts, log) {
    const limits = typeof maxNullFraction === 'number'
        ? Object.fromEntries(Object.keys(nullCounts).map(name => [name, maxNullFraction]))
        : maxNullFraction;
    for (const [name, limit] of Object.entries(limits)) {
        const fraction = (nullCounts[name] ?? 0) / rows;
        if (fraction > limit) {
            log.add({
                code: 'null-fraction',
                ...WHOLE,
                field: name,
                message: `field "${name}" is empty in ${nullCounts[name]} of ${rows} rows (${(fraction * 100).toFixed(1)} %); the schema allows ${(limit * 100).toFixed(1)} %`
            });
        }
    }
}
/** `label`: every expected class appears, and each class found has at least `minShare` of the rows. */
function labelChecks(label, classCounts, rows, log) {
    for (const expected of label.classes ?? []) {
        if (!classCounts.has(String(expected))) {
            log.add({
                code: 'label-class-missing',
                ...WHOLE,
                field: label.column,
                message: `class "${expected}" of "${label.column}" never appears (found: ${[...classCounts.keys()].join(', ')})`
            });
        }
    }
    if (label.minShare === undefined || rows === 0)
        return;
    for (const [value, count] of classCounts) {
        if (count / rows < label.minShare) {
            log.add({
                code: 'label-class-share',
                ...WHOLE,
                field: label.column,
                message: `class "${value}" of "${label.column}" is ${((100 * count) / rows).toFixed(1)} % of the rows (${count}); the schema asks for at least ${(label.minShare * 100).toFixed(1)} %`
            });
        }
    }
}

;// CONCATENATED MODULE: ./src/data/header.ts
const TOLERATES_EXTRA_LABELS = ['subset', 'partial'];
const TOLERATES_MISSING_FIELDS = ['superset', 'partial'];
/**
 * The field each column holds (null: none), logging the header's defects. Under `exact` the result has
 * one entry per field, whatever the header's width: a row's cells past the fields are extra cells, and
 * fields past its cells are missing ones. By name, it has one entry per label.
 */
function columnsOfHeader(labels, where, fields, fieldsMatch, log) {
    const header = new Header(labels, where, fields, log);
    return fieldsMatch === 'exact' ? header.byPosition() : header.byName(fieldsMatch);
}
/** A header read against the fields, reporting its defects as it goes. */
class Header {
    labels;
    where;
    fields;
    log;
    constructor(labels, where, fields, log) {
        this.labels = labels;
        this.where = where;
        this.fields = fields;
        this.log = log;
    }
    /** A defect of the header (row 1, or a dialect's first header row), at a column's or a field's position. */
    add(code, fieldNumber, field, message) {
        const { line, rowNumber } = this.where;
        this.log.add({ code, line, rowNumber, fieldNumber, field, message });
    }
    // frictionless-py's order: extra labels, then missing ones, then each column against its field.
    byPosition() {
        const { labels, fields } = this;
        labels.slice(fields.length).forEach((label, offset) => {
            const number = fields.length + offset + 1;
            this.add('extra-label', number, label, `column ${number} "${label}" is past the schema's ${fields.length} fields (fieldsMatch: exact pairs columns with fields by position; subset lets extra columns through)`);
        });
        fields.slice(labels.length).forEach((field, offset) => {
            const number = labels.length + offset + 1;
            this.add('missing-label', number, field.name, `the schema's field ${number} "${field.name}" has no column: the header has ${labels.length} (${labels.join(', ')})`);
        });
        const seen = new Set();
        fields.slice(0, labels.length).forEach((field, index) => {
            const label = labels[index];
            const number = index + 1;
            const theField = `the schema's field ${number} is "${field.name}"`;
            if (label.trim() === '')
                this.add('blank-label', number, field.name, `column ${number} has an empty header (${theField})`);
            else if (seen.has(label))
                this.add('duplicate-label', number, field.name, `header "${label}" appears more than once (column ${number}; ${theField})`);
            else if (label.replace(/\n/g, ' ').trim() !== field.name)
                this.add('incorrect-label', number, field.name, `column ${number} is "${label}" but ${theField} (fieldsMatch: exact pairs them by position; fieldsMatch: equal pairs them by name)`);
            seen.add(label);
        });
        return [...fields];
    }
    byName(fieldsMatch) {
        const { labels, fields } = this;
        const byName = new Map(fields.map(field => [field.name, field]));
        const seen = new Set();
        const columns = labels.map((label, index) => {
            if (seen.has(label)) {
                this.add('duplicate-label', index + 1, label, `header "${label}" appears more than once (fieldsMatch: ${fieldsMatch} pairs columns with fields by name; this column is not checked)`);
                return null;
            }
            seen.add(label);
            const field = byName.get(label);
            if (!field && !TOLERATES_EXTRA_LABELS.includes(fieldsMatch))
                this.add('extra-label', index + 1, label, `column "${label}" is not in the schema (schema fields: ${fields.map(f => f.name).join(', ')}; fieldsMatch: subset lets extra columns through)`);
            return field ?? null;
        });
        if (fieldsMatch === 'partial' && fields.length > 0 && !labels.some(label => byName.has(label)))
            this.add('unmatched-header', undefined, undefined, `no column is a field of the schema (fieldsMatch: partial needs at least one; columns: ${labels.join(', ')})`);
        const optional = TOLERATES_MISSING_FIELDS.includes(fieldsMatch);
        fields.forEach((field, index) => {
            if (seen.has(field.name) || (optional && !field.required))
                return;
            this.add('missing-label', index + 1, field.name, `the schema's field "${field.name}"${optional ? ' is required but' : ''} has no column (columns: ${labels.join(', ')})`);
        });
        return columns;
    }
}

;// CONCATENATED MODULE: ./src/data/keys/hash.ts
// 64-bit hashes of key values, as two unsigned 32-bit halves (no BigInt, no allocation per value). A hash
// only nominates candidates: two keys whose hashes match are compared by their exact texts afterwards, so
// a collision costs a re-check, never a false report. Equal texts must give equal hashes: every value is
// hashed by what its canonical text (canonicalKey) shows of it.
// Math.imul looked up once: in a vm context (jest's), each `Math` lookup made hashing 25 times slower.
const imul = Math.imul;
const FLOAT = new Float64Array(1);
const WORDS = new Uint32Array(FLOAT.buffer);
/** murmur3's finalizer: every input bit flips each output bit with probability about one half. */
function mix32(h) {
    h = imul(h ^ (h >>> 16), 0x85ebca6b);
    h = imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
}
// Seeds that set a value's type apart (1, "1" and true hash differently, as their texts differ).
const hash_NUMBER = 0x2545f491;
const hash_STRING = 0x9e3779b9;
const hash_TRUE = 0x6a09e667;
const hash_FALSE = 0xbb67ae85;
const JSON_TEXT = 0x3c6ef372;
/** A key part with no valid value. */
const NULL_PART = 0xa54ff53a;
/**
 * Writes a 64-bit hash into `hi` and `lo`. One instance per caller: `value` is called for each key cell
 * of millions of rows, so it reuses its fields rather than returning a pair.
 */
class Hash64 {
    hi = 0;
    lo = 0;
    /** A cast cell value, as canonicalKey's text of it: numbers by value (-0 is 0, every NaN one NaN). */
    value(value, seed) {
        if (typeof value === 'number')
            this.number(value, seed);
        else if (typeof value === 'string')
            this.text(value, seed ^ hash_STRING);
        else if (typeof value === 'boolean')
            this.word(value ? hash_TRUE : hash_FALSE, seed);
        else
            this.text(JSON.stringify(value) ?? 'undefined', seed ^ JSON_TEXT);
    }
    number(value, seed) {
        // A 32-bit integer (most ids) by its word alone: two bijections, so no two such integers collide.
        if ((value | 0) === value) {
            const hi = mix32(value ^ seed ^ hash_NUMBER);
            this.hi = hi;
            this.lo = mix32(hi ^ imul(seed, 0x27d4eb2f) ^ 0x1b873593);
            return;
        }
        FLOAT[0] = value !== value ? NaN : value;
        const low = WORDS[0];
        const high = WORDS[1];
        this.hi = mix32(high ^ mix32(low ^ seed ^ hash_NUMBER));
        this.lo = mix32(low ^ mix32(high ^ imul(seed, 0x27d4eb2f) ^ hash_NUMBER));
    }
    /** Text hashed char by char in two lanes (FNV-1a and a multiply-xorshift), each finalized. */
    text(text, seed) {
        let a = (0x811c9dc5 ^ seed) >>> 0;
        let b = imul(seed, 0x9e3779b1) ^ 0x5bd1e995;
        for (let i = 0; i < text.length; i++) {
            const c = text.charCodeAt(i);
            a = imul(a ^ c, 0x01000193);
            b = imul(b ^ c, 0x5bd1e995);
            b ^= b >>> 15;
        }
        this.hi = mix32(a ^ text.length);
        this.lo = mix32(b ^ mix32(a + text.length));
    }
    word(word, seed) {
        this.hi = mix32(word ^ seed);
        this.lo = mix32(word ^ imul(seed, 0x27d4eb2f) ^ 0x68e31da4);
    }
    /** Folds a part's hash (hi, lo) into the running hash in `hi`, `lo`: order matters. */
    fold(hi, lo) {
        const a = mix32(this.hi ^ hi);
        this.hi = mix32(imul(a, 0x9e3779b1) ^ lo);
        this.lo = mix32(this.lo ^ mix32(lo + imul(hi, 0x85ebca6b)) ^ a);
    }
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_namespaceObject);
;// CONCATENATED MODULE: ./src/data/keys/runs.ts
// Sorted runs of key entries (64-bit hash, row) and their merge: the parts of KeyStore that read and
// write disk. An entry is three 32-bit words on disk: hi, lo, row.

/** Words of an entry: hi, lo, row. */
const ENTRY_WORDS = 3;
/** Entries read or written at a time: 48 KiB. */
const BLOCK = 4096;
/** Entries in memory, three words each (hi, lo, row), in hash order. */
class ArrayCursor {
    slots;
    rowOffset;
    hi = 0;
    lo = 0;
    row = 0;
    at = -ENTRY_WORDS;
    constructor(slots, rowOffset = 0) {
        this.slots = slots;
        this.rowOffset = rowOffset;
    }
    next() {
        const slots = this.slots;
        const i = (this.at += ENTRY_WORDS);
        if (i >= slots.length)
            return false;
        this.hi = slots[i];
        this.lo = slots[i + 1];
        this.row = slots[i + 2] + this.rowOffset;
        return true;
    }
    close() { }
}
/** A run file read a block at a time. */
class RunCursor {
    rowOffset;
    hi = 0;
    lo = 0;
    row = 0;
    words = new Uint32Array(BLOCK * ENTRY_WORDS);
    bytes = new Uint8Array(this.words.buffer);
    fd;
    filled = 0;
    at = 0;
    position = 0;
    left;
    constructor(run, rowOffset = 0) {
        this.rowOffset = rowOffset;
        this.fd = (0,external_node_fs_namespaceObject.openSync)(run.path, 'r');
        this.left = run.count;
    }
    next() {
        if (this.at === this.filled) {
            if (this.left === 0)
                return false;
            const entries = Math.min(BLOCK, this.left);
            const read = (0,external_node_fs_namespaceObject.readSync)(this.fd, this.bytes, 0, entries * ENTRY_WORDS * 4, this.position);
            if (read !== entries * ENTRY_WORDS * 4)
                throw new Error(`key run ended early (${read} bytes)`);
            this.position += read;
            this.left -= entries;
            this.filled = entries * ENTRY_WORDS;
            this.at = 0;
        }
        const words = this.words;
        const at = this.at;
        this.hi = words[at];
        this.lo = words[at + 1];
        this.row = words[at + 2] + this.rowOffset;
        this.at = at + ENTRY_WORDS;
        return true;
    }
    close() {
        (0,external_node_fs_namespaceObject.closeSync)(this.fd);
    }
}
/** Writes entries in the order given (the caller's: hash order) to a new run file. */
class RunWriter {
    path;
    words = new Uint32Array(BLOCK * ENTRY_WORDS);
    fd;
    at = 0;
    count = 0;
    constructor(path) {
        this.path = path;
        this.fd = (0,external_node_fs_namespaceObject.openSync)(path, 'wx');
    }
    /** Entries already in order, three words each. */
    write(entries) {
        this.flush();
        this.writeAll(new Uint8Array(entries.buffer, entries.byteOffset, entries.byteLength));
        this.count += entries.length / ENTRY_WORDS;
    }
    add(hi, lo, row) {
        const words = this.words;
        words[this.at] = hi;
        words[this.at + 1] = lo;
        words[this.at + 2] = row;
        this.at += ENTRY_WORDS;
        this.count++;
        if (this.at === words.length)
            this.flush();
    }
    finish() {
        this.flush();
        (0,external_node_fs_namespaceObject.closeSync)(this.fd);
        return { path: this.path, count: this.count };
    }
    flush() {
        this.writeAll(new Uint8Array(this.words.buffer, 0, this.at * 4));
        this.at = 0;
    }
    writeAll(bytes) {
        for (let done = 0; done < bytes.length;)
            done += (0,external_node_fs_namespaceObject.writeSync)(this.fd, bytes, done, bytes.length - done);
    }
}
/** Whether cursor a's entry goes before b's: by hash, then by source (earlier sources hold earlier rows). */
function before(a, ia, b, ib) {
    if (a.hi !== b.hi)
        return a.hi < b.hi;
    if (a.lo !== b.lo)
        return a.lo < b.lo;
    return ia < ib;
}
/**
 * Every entry of `cursors` in hash order (equal hashes in the order of their sources), or with
 * `repeatsOnly` the entries whose hash occurs more than once, through a binary heap of the cursors;
 * each cursor is closed once read. Millions of entries pass here: the heap is an array of cursor
 * numbers, the top is sifted down only when its cursor's next entry is not the least, and groups are
 * found inline rather than by a callback per entry.
 */
function mergeCursors(cursors, visit, repeatsOnly = false) {
    let prevHi = -1;
    let prevLo = -1;
    let prevRow = 0;
    let inGroup = false;
    try {
        const heap = cursors.map((_, i) => i).filter(i => cursors[i].next());
        const size = heap.length;
        for (let i = (size >> 1) - 1; i >= 0; i--)
            siftDown(cursors, heap, i, size);
        for (let live = size; live > 0;) {
            const top = heap[0];
            const cursor = cursors[top];
            const { hi, lo, row } = cursor;
            if (!repeatsOnly)
                visit(hi, lo, row, false);
            else if (hi === prevHi && lo === prevLo) {
                if (!inGroup)
                    visit(prevHi, prevLo, prevRow, true);
                visit(hi, lo, row, false);
                inGroup = true;
            }
            else {
                inGroup = false;
                prevHi = hi;
                prevLo = lo;
                prevRow = row;
            }
            if (!cursor.next()) {
                heap[0] = heap[--live];
                siftDown(cursors, heap, 0, live);
            }
            else if (live > 1) {
                const child = live > 2 && before(cursors[heap[2]], heap[2], cursors[heap[1]], heap[1]) ? 2 : 1;
                if (before(cursors[heap[child]], heap[child], cursor, top))
                    siftDown(cursors, heap, 0, live);
            }
        }
    }
    finally {
        for (const cursor of cursors)
            cursor.close();
    }
}
function siftDown(cursors, heap, from, size) {
    for (let i = from;;) {
        const left = 2 * i + 1;
        if (left >= size)
            return;
        let child = left;
        if (left + 1 < size &&
            before(cursors[heap[left + 1]], heap[left + 1], cursors[heap[left]], heap[left]))
            child = left + 1;
        if (!before(cursors[heap[child]], heap[child], cursors[heap[i]], heap[i]))
            return;
        const swap = heap[i];
        heap[i] = heap[child];
        heap[child] = swap;
        i = child;
    }
}

;// CONCATENATED MODULE: ./src/data/keys/store.ts
/**
 * KeyStore: which keys repeat, among millions, in bounded memory. It holds 64-bit key hashes with a row
 * number each (numbered across the files of a dataset, or the splits compared) and finds the hashes that occur more than once:
 * candidates, which the caller confirms by comparing the rows' exact key texts (a hash collision must
 * never be reported as a repeat). It knows nothing of tables: any key (a unique field, a primary key, a
 * whole row, the columns two splits are compared on) hashed by keys/hash.ts fits.
 *
 *   const store = new KeyStore({ memoryBytes: 32 << 20 })
 *   store.add(hi, lo, row)            // for each key of each row, rows in order
 *   store.absorb(other.detach(), n)   // another part's entries (a worker's), its rows shifted by n
 *   store.candidates(visit)           // after the last add: each entry whose hash repeats, by hash
 *   store.dispose()                   // removes what was spilled to disk
 *
 * Entries are appended to a typed array (three 32-bit words each: hi, lo, row) as big as the memory
 * given, whose pages cost memory only once written. When it is full it is sorted by hash in place and
 * written to a file in the store's temporary folder (a sorted run), and starts empty. `candidates` then
 * sorts what is left and merges it with the runs, and with absorbed parts, so repeats across runs and
 * parts are found. While nothing was spilled (the common case), nothing is sorted: two passes over the
 * entries with a bit set of their hashes pick out the few whose hash may repeat, and only those are
 * sorted. Appending, not indexing: a hash table of millions of slots costs a cache miss per key
 * (measured: 2 M keys took 0.7 s into an ordered open-addressing table, 0.1 s appended and sorted), and
 * no caller can report a repeat before the exact re-check anyway. Within a group of equal hashes,
 * entries come in the order of their rows (absorbed parts after, their rows shifted).
 */




/** Bytes per entry: hi, lo and row, 4 bytes each. */
const ENTRY_BYTES = ENTRY_WORDS * 4;
const MIN_ENTRIES = 1 << 8;
/** Runs merged at once: more are first merged into fewer (each open run holds a file and 64 KiB). */
const MAX_FAN_IN = 64;
/** Radix sort digits: 11 bits of hi at a time. */
const DIGIT_BITS = 11;
/** Slots of the sieve per entry: about one entry in eight is sorted for nothing. */
const SLOTS_PER_ENTRY = 8;
/** Memory for the hashes of a table's keys (a part on one of two threads gets half). */
const KEY_MEMORY_BYTES = 32 * 1024 * 1024;
const MAX_ROW = 0xffffffff;
class KeyStore {
    /** Allocated at the first add, as big as the memory given: only its written pages are resident. */
    entries = new Uint32Array(0);
    count = 0;
    maxEntries;
    spillRoot;
    folder = null;
    runs = [];
    parts = [];
    spilled = 0;
    /** Run files named so far in this store's folder. */
    files = 0;
    constructor(options = {}) {
        const budget = options.memoryBytes ?? 64 * 1024 * 1024;
        this.maxEntries = Math.max(MIN_ENTRIES, Math.floor(budget / ENTRY_BYTES));
        this.spillRoot = options.spillRoot ?? process.env.RUNNER_TEMP ?? external_node_os_default().tmpdir();
    }
    /** Runs written to disk so far (this store's own). */
    get spilledRuns() {
        return this.spilled;
    }
    /** Adds a key's hash with the row it is in. Rows are added in order. */
    add(hi, lo, row) {
        if (!(row >= 0 && row <= MAX_ROW))
            throw new RangeError(`key store: row ${row} out of range`);
        if (this.count * ENTRY_WORDS === this.entries.length)
            this.makeRoom();
        const entries = this.entries;
        const at = this.count++ * ENTRY_WORDS;
        entries[at] = hi;
        entries[at + 1] = lo;
        entries[at + 2] = row;
    }
    /**
     * This store's entries for another store to absorb; this store is empty afterwards. With `spillAbove`,
     * entries in memory past that many bytes go to disk as a run, and fewer are copied out of the store's
     * array: a part held until a merge then holds no more memory than its entries need. A store that has
     * spilled spills the rest too, and lets go of its array.
     */
    detach(options = {}) {
        let sorted = this.entries.subarray(0, this.count * ENTRY_WORDS);
        const spillAbove = this.runs.length > 0 ? 0 : options.spillAbove;
        if (spillAbove !== undefined) {
            if (sorted.byteLength > spillAbove) {
                sortEntries(sorted);
                this.spill(sorted);
                sorted = new Uint32Array(0);
            }
            else
                sorted = sorted.slice();
            release(this.entries);
        }
        const state = { sorted, runs: this.runs, folder: this.folder };
        this.runs = [];
        this.folder = null;
        this.entries = new Uint32Array(0);
        this.count = 0;
        return state;
    }
    /** Takes another store's entries (added after all of this one's), their rows shifted by `rowOffset`. */
    absorb(state, rowOffset = 0) {
        this.parts.push({ state, rowOffset });
    }
    /**
     * After the last add: calls `visit` for each entry whose hash occurs more than once, in hash order, and
     * each group of equal hashes in the order of its rows; `first` marks a group's first entry.
     */
    candidates(visit) {
        const sources = this.sources();
        if (sources.every(source => source.runs.length === 0))
            return sieve(sources, visit);
        for (const source of sources)
            sortEntries(source.sorted);
        mergeCursors(this.cursors(sources), visit, true);
    }
    /**
     * After the last add: calls `visit` for every entry, in hash order (equal hashes in the order of their
     * rows), whether or not its hash repeats.
     */
    each(visit) {
        const sources = this.sources();
        for (const source of sources)
            sortEntries(source.sorted);
        mergeCursors(this.cursors(sources), visit);
    }
    /** This store's entries and the absorbed parts', each with the offset of its rows. */
    sources() {
        return [
            { runs: this.runs, sorted: this.entries.subarray(0, this.count * ENTRY_WORDS), rowOffset: 0 },
            ...this.parts.map(({ state, rowOffset }) => ({ ...state, rowOffset }))
        ];
    }
    /** Removes the spilled runs, this store's and the absorbed parts', and lets go of their memory. */
    dispose() {
        for (const entries of [this.entries, ...this.parts.map(part => part.state.sorted)])
            release(entries);
        this.entries = new Uint32Array(0);
        this.count = 0;
        for (const folder of [this.folder, ...this.parts.map(part => part.state.folder)])
            if (folder)
                (0,external_node_fs_namespaceObject.rmSync)(folder, { recursive: true, force: true });
        this.folder = null;
        this.runs = [];
        this.parts.length = 0;
    }
    /** Every source's cursors in the order its rows were added: runs, then memory. */
    cursors(sources) {
        const opens = sources.flatMap(source => [
            ...source.runs.map(run => () => new RunCursor(run, source.rowOffset)),
            () => new ArrayCursor(source.sorted, source.rowOffset)
        ]);
        if (opens.length > MAX_FAN_IN)
            return [new RunCursor(this.mergeAll(opens))];
        return opens.map(open => open());
    }
    /** Too many sources to merge at once: all merged into one run, MAX_FAN_IN at a time. */
    mergeAll(opens) {
        for (;;) {
            const merged = [];
            for (let at = 0; at < opens.length; at += MAX_FAN_IN) {
                const writer = new RunWriter(this.runPath());
                mergeCursors(opens.slice(at, at + MAX_FAN_IN).map(open => open()), (hi, lo, row) => writer.add(hi, lo, row));
                merged.push(writer.finish());
            }
            if (merged.length === 1)
                return merged[0];
            opens = merged.map(run => () => new RunCursor(run));
        }
    }
    /** The first add allocates the array; a full one is sorted and goes to disk as a run. */
    makeRoom() {
        if (this.entries.length === 0) {
            this.entries = allocate(this.maxEntries * ENTRY_WORDS);
            return;
        }
        sortEntries(this.entries);
        this.spill(this.entries);
        this.count = 0;
    }
    /** Entries in hash order written to disk as a run of this store's. */
    spill(sorted) {
        const writer = new RunWriter(this.runPath());
        writer.write(sorted);
        this.runs.push(writer.finish());
        this.spilled++;
    }
    runPath() {
        this.folder ??= (0,external_node_fs_namespaceObject.mkdtempSync)(external_node_path_default().join(this.spillRoot, 'ml-smoke-keys-'));
        return external_node_path_default().join(this.folder, `${this.files++}.run`);
    }
}
/**
 * Below 32 MiB, glibc's malloc may serve an array from its heap, which zeroes every page at once and keeps
 * them after the array is freed; from 32 MiB on it maps fresh pages, resident only once written and
 * returned when freed. So a smaller array is a view of a 32 MiB buffer: the rest is never written.
 */
const MAPPED_WORDS = (32 * 1024 * 1024) / 4 + 1024;
function allocate(words) {
    return words >= MAPPED_WORDS
        ? new Uint32Array(words)
        : new Uint32Array(MAPPED_WORDS).subarray(0, words);
}
/**
 * Frees an array's memory now where the runtime can (ArrayBuffer.prototype.transfer, Node 22 and later),
 * else at the next garbage collection: tens of MiB of garbage left for the collector counted in the peak.
 * The array's buffer must be the caller's alone.
 */
function release(array) {
    const buffer = array.buffer;
    if (buffer.byteLength > 0)
        buffer.transfer?.(0);
}
/**
 * The candidates of entries all in memory, without sorting them all (measured hot): each entry's hash
 * picks a slot of two bits, seen and seen twice; the entries of a slot seen twice (about one in eight,
 * and every true repeat) are copied out, their rows shifted, sorted, and their groups of equal hashes
 * visited.
 */
function sieve(sources, visit) {
    let total = 0;
    for (const source of sources)
        total += source.sorted.length / ENTRY_WORDS;
    if (total < 2)
        return;
    const mask = 2 ** Math.max(10, Math.ceil(Math.log2(total * SLOTS_PER_ENTRY))) - 1;
    // Slot s: bit 2(s % 16) of word s / 16 is "seen", the bit above it "seen twice".
    const slots = new Int32Array((mask + 1) >>> 4);
    for (const { sorted: words } of sources)
        for (let i = 0; i < words.length; i += ENTRY_WORDS) {
            const slot = words[i + 1] & mask;
            const seen = 1 << ((slot & 15) << 1);
            const word = slots[slot >>> 4];
            slots[slot >>> 4] = word | (word & seen ? seen << 1 : seen);
        }
    let picked = new Uint32Array(Math.max(64, total >>> 2) * ENTRY_WORDS);
    let at = 0;
    for (const { sorted: words, rowOffset } of sources)
        for (let i = 0; i < words.length; i += ENTRY_WORDS) {
            const slot = words[i + 1] & mask;
            if (!(slots[slot >>> 4] & (2 << ((slot & 15) << 1))))
                continue;
            const row = words[i + 2] + rowOffset;
            if (row > MAX_ROW)
                throw new RangeError(`key store: row ${row} out of range`);
            if (at === picked.length) {
                const grown = new Uint32Array(picked.length * 2);
                grown.set(picked);
                picked = grown;
            }
            picked[at] = words[i];
            picked[at + 1] = words[i + 1];
            picked[at + 2] = row;
            at += ENTRY_WORDS;
        }
    release(slots);
    picked = picked.subarray(0, at);
    sortEntries(picked);
    const w = ENTRY_WORDS;
    for (let i = w; i < at; i += w) {
        if (picked[i] !== picked[i - w] || picked[i + 1] !== picked[i - w + 1])
            continue;
        const first = i === w || picked[i - 2 * w] !== picked[i] || picked[i - 2 * w + 1] !== picked[i + 1];
        if (first)
            visit(picked[i - w], picked[i - w + 1], picked[i - w + 2], true);
        visit(picked[i], picked[i + 1], picked[i + 2], false);
    }
    release(picked);
}
/** Per depth of the sort: each digit's next place and end (reused: millions of entries pass). */
const DEPTHS = [];
/**
 * Entries sorted by (hi, lo, row) in place, with no second array: an in-place radix sort (American flag
 * sort) on the top bits of hi (11, or fewer for fewer entries), then within each digit's entries on the
 * next bits, down to runs of a few entries (or of equal hi, when hashes were made to collide), which are
 * put in order by comparison.
 */
function sortEntries(entries) {
    sortRange(entries, 0, entries.length, 0, 0);
}
/** Entries [start, stop) (in words), whose hi agree on their top `sorted` bits. */
function sortRange(entries, start, stop, sorted, depth) {
    const count = (stop - start) / ENTRY_WORDS;
    if (count <= 32 || sorted >= 32) {
        sortByComparison(entries, start, stop);
        return;
    }
    const bits = Math.min(DIGIT_BITS, 32 - sorted, Math.ceil(Math.log2(count)) - 2);
    const shift = 32 - sorted - bits;
    const mask = (1 << bits) - 1;
    const levels = (DEPTHS[depth] ??= {
        next: new Uint32Array(1 << DIGIT_BITS),
        end: new Uint32Array(1 << DIGIT_BITS)
    });
    if (!permute(entries, start, stop, shift, mask, levels)) {
        sortRange(entries, start, stop, sorted + bits, depth + 1);
        return;
    }
    for (let from = start; from < stop;) {
        const digit = (entries[from] >>> shift) & mask;
        let to = from + ENTRY_WORDS;
        while (to < stop && ((entries[to] >>> shift) & mask) === digit)
            to += ENTRY_WORDS;
        if (to - from > ENTRY_WORDS)
            sortRange(entries, from, to, sorted + bits, depth + 1);
        from = to;
    }
}
/**
 * One in-place radix pass over entries [start, stop) (in words) by digit (hi >>> shift) & mask: each
 * entry swapped along a cycle into its digit's next place. False when one digit holds every entry.
 */
function permute(e, start, stop, shift, mask, { next, end }) {
    const digits = mask + 1;
    end.fill(0, 0, digits);
    for (let i = start; i < stop; i += ENTRY_WORDS)
        end[(e[i] >>> shift) & mask] += ENTRY_WORDS;
    let at = start;
    for (let d = 0; d < digits; d++) {
        if (end[d] === stop - start)
            return false;
        next[d] = at;
        at += end[d];
        end[d] = at;
    }
    for (let d = 0; d < digits; d++)
        for (let i = next[d]; i < end[d]; i = next[d]) {
            let hi = e[i];
            let digit = (hi >>> shift) & mask;
            if (digit === d) {
                next[d] = i + ENTRY_WORDS;
                continue;
            }
            let lo = e[i + 1];
            let row = e[i + 2];
            while (digit !== d) {
                const j = next[digit];
                next[digit] = j + ENTRY_WORDS;
                const swapHi = e[j];
                const swapLo = e[j + 1];
                const swapRow = e[j + 2];
                e[j] = hi;
                e[j + 1] = lo;
                e[j + 2] = row;
                hi = swapHi;
                lo = swapLo;
                row = swapRow;
                digit = (hi >>> shift) & mask;
            }
            e[i] = hi;
            e[i + 1] = lo;
            e[i + 2] = row;
            next[d] = i + ENTRY_WORDS;
        }
    return true;
}
/** Whether entry i goes after entry j: by hi, then lo, then row. */
function after(entries, i, j) {
    if (entries[i] !== entries[j])
        return entries[i] > entries[j];
    if (entries[i + 1] !== entries[j + 1])
        return entries[i + 1] > entries[j + 1];
    return entries[i + 2] > entries[j + 2];
}
/** A few entries by insertion; many (hashes made to collide) by a merge sort, never in square time. */
function sortByComparison(entries, start, stop) {
    const w = ENTRY_WORDS;
    if (stop - start > w * 32)
        return sortLong(entries, start, stop);
    const entry = new Uint32Array(w);
    for (let i = start + w; i < stop; i += w) {
        if (!after(entries, i - w, i))
            continue;
        entry.set(entries.subarray(i, i + w));
        let j = i - w;
        while (j >= start && after(entries, j, i))
            j -= w;
        entries.copyWithin(j + 2 * w, j + w, i);
        entries.set(entry, j + w);
    }
}
/** A long run: its entries' places sorted (Array.prototype.sort is stable), then copied back in order. */
function sortLong(entries, start, stop) {
    const w = ENTRY_WORDS;
    const places = Array.from({ length: (stop - start) / w }, (_, k) => start + w * k);
    places.sort((a, b) => (after(entries, a, b) ? 1 : after(entries, b, a) ? -1 : 0));
    const copy = entries.slice(start, stop);
    places.forEach((place, k) => entries.set(copy.subarray(place - start, place - start + w), start + w * k));
}

;// CONCATENATED MODULE: ./src/data/key-tracker.ts



/** A canonical text for a cast value, for unique and primary-key checks (1 and 1.0 read as a number are one). */
function uniqueKey(value) {
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string')
        return `${typeof value}:${String(value)}`;
    return `json:${JSON.stringify(value)}`;
}
/** A row's cell as duplicate rows compare it: its text as read (an absent JSON key is not an empty one). */
function cellText(cell) {
    if (typeof cell === 'string')
        return cell;
    return cell === ABSENT ? null : (JSON.stringify(cell) ?? 'undefined');
}
/** Key check `index`'s seed: keys of different checks never compare equal. */
function keySeed(index) {
    return mix32(index + 0x51ed27);
}
/** A key of one or more fields: the parts of the row being read, hashed. */
class CompositeKey {
    fields;
    seed;
    read = 0;
    /** Per part: set in this row, and its value's hash. */
    set;
    hi;
    lo;
    constructor(fields, seed) {
        this.fields = fields;
        this.seed = seed;
        this.set = new Uint8Array(fields.length);
        this.hi = new Uint32Array(fields.length);
        this.lo = new Uint32Array(fields.length);
    }
    start() {
        if (this.read === 0)
            return;
        this.set.fill(0);
        this.read = 0;
    }
    /** The key's hash into `into`: each part's in order, a missing part as NULL_PART. */
    hash(into) {
        into.word(this.fields.length, this.seed);
        for (let part = 0; part < this.fields.length; part++)
            if (this.set[part])
                into.fold(this.hi[part], this.lo[part]);
            else
                into.fold(NULL_PART, NULL_PART);
    }
}
/**
 * The first pass of the checks that compare rows with other rows. A row is fed between `startRow` and
 * `endRow`, with `value` for each cell that has a valid value; a part with none is null. Unique fields,
 * the primary key, unique keys and duplicate rows go as 64-bit hashes into a KeyStore, whose candidates
 * (hashes that repeat) key-recheck.ts confirms by the exact texts in a second pass. A foreign key into
 * the same table hashes each row's reference and referenced key into two stores of its own, which
 * key-references.ts compares after the last row (of every part). Following Table Schema and
 * frictionless-py: a primary key whose parts are all null is an error of its own; a unique key with a
 * null part is not compared (as SQL's UNIQUE); a foreign key whose parts are all null refers to nothing.
 */
class KeyTracker {
    checksRows;
    /** Whether rows are compared by unique keys or foreign keys (beyond unique fields and the primary key). */
    checksKeys;
    /** Whether the primary key of the row just ended had no valid part. */
    primaryKeyEmpty = false;
    /** The hashes of every key; null when the schema has none. */
    store;
    checks;
    primary;
    uniqueKeys;
    foreignKeys;
    composites;
    part = new Hash64();
    whole = new Hash64();
    // Per column, set by `mapColumns`: the unique field's check (-1: none), and the key parts it holds.
    uniqueByColumn = [];
    /** Each unique field's seed (keySeed of its check), looked up once. */
    uniqueSeeds;
    slotsByColumn = [];
    constructor(checks, foreignKeys = [], store, 
    /** A store for each side of each foreign key. */
    foreignKeyStore = () => new KeyStore()) {
        this.checks = checks;
        this.checksRows = checks.duplicateRows;
        this.uniqueSeeds = checks.unique.map((_, i) => keySeed(i));
        const primaryIndex = checks.unique.length;
        this.primary = checks.primaryKey.length
            ? new CompositeKey(checks.primaryKey, keySeed(primaryIndex))
            : null;
        this.uniqueKeys = checks.uniqueKeys.map((fields, i) => new CompositeKey(fields, keySeed(primaryIndex + 1 + i)));
        this.foreignKeys = foreignKeys.map(key => ({
            source: new CompositeKey(key.fields, 0),
            target: new CompositeKey(key.reference.fields, 0),
            hashes: { references: foreignKeyStore(), referenced: foreignKeyStore() }
        }));
        this.checksKeys = this.uniqueKeys.length > 0 || this.foreignKeys.length > 0;
        this.composites = [
            ...(this.primary ? [this.primary] : []),
            ...this.uniqueKeys,
            ...this.foreignKeys.flatMap(key => [key.source, key.target])
        ];
        const hashed = checks.unique.length > 0 || this.primary || this.uniqueKeys.length > 0;
        this.store = hashed || this.checksRows ? (store?.() ?? new KeyStore()) : null;
    }
    /** Which field each column holds (null: none), from the header. */
    mapColumns(names) {
        this.uniqueByColumn = names.map(name => (name === null ? -1 : this.checks.unique.indexOf(name)));
        this.slotsByColumn = names.map(name => {
            if (name === null)
                return undefined;
            const slots = [];
            for (const key of this.composites) {
                const part = key.fields.indexOf(name);
                if (part >= 0)
                    slots.push([key, part]);
            }
            return slots.length ? slots : undefined;
        });
    }
    startRow() {
        for (let i = 0; i < this.composites.length; i++)
            this.composites[i].start();
    }
    /** Whether column `k`'s values go into a key. */
    feeds(k) {
        return this.uniqueByColumn[k] !== -1 || this.slotsByColumn[k] !== undefined;
    }
    /** Column `k`'s valid value, in row `rowNumber`. */
    value(k, value, rowNumber) {
        const unique = this.uniqueByColumn[k];
        if (unique !== -1)
            this.addUnique(unique, value, rowNumber);
        const slots = this.slotsByColumn[k];
        if (slots !== undefined)
            this.fill(slots, value);
    }
    // This and `fill` apart from `value`, which runs for every cell: V8 inlines `value` into the row loop,
    // and a loop (or the hashing) here spent the inlining budget that the cell checks need (CSV validation
    // took twice as long).
    addUnique(unique, value, rowNumber) {
        const hash = this.part;
        hash.value(value, this.uniqueSeeds[unique]);
        this.store.add(hash.hi, hash.lo, rowNumber);
    }
    fill(slots, value) {
        const hash = this.part;
        hash.value(value, 0);
        for (const [key, part] of slots) {
            key.set[part] = 1;
            key.hi[part] = hash.hi;
            key.lo[part] = hash.lo;
            key.read++;
        }
    }
    /** After the row's cells: its primary key goes to the store (`primaryKeyEmpty`: it had no valid part). */
    endRow(rowNumber) {
        const primary = this.primary;
        this.primaryKeyEmpty = primary !== null && primary.read === 0;
        if (primary === null || this.primaryKeyEmpty)
            return;
        primary.hash(this.whole);
        this.store.add(this.whole.hi, this.whole.lo, rowNumber);
    }
    /** A blank row: it has no key; its primary key, if the schema has one, is empty. */
    blankRow() {
        this.startRow();
        this.primaryKeyEmpty = this.primary !== null;
    }
    /** After `endRow`, when `checksKeys`: the unique keys go to the store, foreign keys to theirs. */
    endRowKeys(rowNumber) {
        for (const key of this.uniqueKeys) {
            if (key.read < key.fields.length)
                continue;
            key.hash(this.whole);
            this.store.add(this.whole.hi, this.whole.lo, rowNumber);
        }
        for (const key of this.foreignKeys) {
            this.hashForeignKey(key.target, key.hashes.referenced, rowNumber);
            this.hashForeignKey(key.source, key.hashes.references, rowNumber);
        }
    }
    /** A side of a foreign key into its store, unless all its parts are null (it then refers to nothing). */
    hashForeignKey(side, store, rowNumber) {
        if (side.read === 0)
            return;
        side.hash(this.whole);
        store.add(this.whole.hi, this.whole.lo, rowNumber);
    }
    /** The foreign keys' hashes, handed over (the stores are empty afterwards). */
    foreignKeyHashes() {
        return this.foreignKeys.map(({ hashes }) => ({
            references: hashes.references.detach(),
            referenced: hashes.referenced.detach()
        }));
    }
    /** Removes what the foreign keys' stores spilled (after a failure: nothing was handed over). */
    disposeForeignKeys() {
        for (const { hashes } of this.foreignKeys) {
            hashes.references.dispose();
            hashes.referenced.dispose();
        }
    }
    /** With `checksRows`: the whole row (its cells as read) goes to the store. */
    addRow(cells, rowNumber) {
        rowHash(cells, this.part, this.whole, this.checks);
        this.store.add(this.whole.hi, this.whole.lo, rowNumber);
    }
}
/** Key check index of duplicate rows. */
function rowCheckIndex(checks) {
    return checks.unique.length + 1 + checks.uniqueKeys.length;
}
/** A whole row's hash into `into` (`part`: scratch), for duplicate rows: each cell's text, in order. */
function rowHash(cells, part, into, checks) {
    const seed = keySeed(rowCheckIndex(checks));
    into.word(cells.length, seed);
    for (let i = 0; i < cells.length; i++) {
        const text = cellText(cells[i]);
        if (text === null)
            into.fold(NULL_PART, ~NULL_PART);
        else {
            part.text(text, seed);
            into.fold(part.hi, part.lo);
        }
    }
}

;// CONCATENATED MODULE: ./src/data/row-violations.ts
// How a row's violations are positioned, shared by the validator's pass and the keys' re-check: where a
// violation sits in the file, and the order key that puts violations found later (repeated keys, after
// the re-check) where the first pass would have logged them.

/** Order keys per row: a row's violations are ranked below this. */
const ROW_RANKS = 2 ** 18;
/**
 * A violation's place in the row, in the order the validator checks a row: cells (and the row's width) by
 * column, then the primary key, unique keys, a duplicate row, and a JSON row's keys that are no column.
 */
const RANK = {
    beforeCells: 0,
    cell: (k) => 1 + k,
    primaryKey: MAX_COLUMNS + 2,
    uniqueKey: (i) => Math.min(MAX_COLUMNS + 3 + i, ROW_RANKS - 3),
    duplicateRow: ROW_RANKS - 2,
    extraKey: ROW_RANKS - 1
};
/** Where a violation goes in file order (exact in a double up to 2^35 rows). */
function orderOf(rowNumber, rank) {
    return rowNumber * ROW_RANKS + rank;
}
/** A row's position as a violation of the whole row shows it. */
function where(position) {
    return { line: position.line, rowGroup: position.rowGroup, rowInGroup: position.rowInGroup };
}
function cellViolation(code, message, position, index, rowNumber, field) {
    return {
        code,
        line: position.fieldLines?.[index] ?? position.line,
        rowGroup: position.rowGroup,
        rowInGroup: position.rowInGroup,
        rowNumber,
        fieldNumber: index + 1,
        field,
        message
    };
}
/**
 * The rows of a dataset of several files numbered across all of them (as the key checks number them): a
 * file's rows come after its base, the rows across all the files before it. `names`: the files' (absent:
 * one file).
 */
class AcrossFiles {
    names;
    bases = [0];
    constructor(names) {
        this.names = names;
    }
    /** The next file, whose rows are numbered from `base` + 1 across. */
    startFile(base) {
        this.bases.push(base);
    }
    /** A row numbered across files as its file's index and its row number there. */
    fileIndexRow(across) {
        // The last file whose base is below the row (a file's rows come after its base).
        let [index, high] = [0, this.bases.length - 1];
        while (index < high) {
            const middle = Math.ceil((index + high) / 2);
            if (this.bases[middle] < across)
                index = middle;
            else
                high = middle - 1;
        }
        return { index, rowNumber: across - this.bases[index] };
    }
    /** A row numbered across files as a violation shows it: its row number there, and its file. */
    fileRow(across) {
        const { index, rowNumber } = this.fileIndexRow(across);
        return this.names ? { rowNumber, file: this.names[index] } : { rowNumber };
    }
    /** A row as a message says it in file `current`: "row 5", or "row 5 of b.csv" in another file. */
    rowName(across, current) {
        const { rowNumber, file } = this.fileRow(across);
        return file === undefined || file === this.names[current]
            ? `row ${rowNumber}`
            : `row ${rowNumber} of ${file}`;
    }
}

;// CONCATENATED MODULE: ./src/untrusted.ts
// Text from data, logs and file names is untrusted: these keep it text wherever it is shown.

/**
 * Whether the runner would take a line of `text` for a workflow command. It reads stdout and stderr a
 * line at a time (a lone CR ends a line too); a line is a command when it starts with `::` after leading
 * white space, or holds the legacy `##[` anywhere.
 */
function holdsWorkflowCommand(text) {
    return /(^|[\r\n])[^\S\r\n]*::|##\[/.test(text);
}
/**
 * `text` as the runner will show it and never run it: unchanged when no line could be a command, else
 * between `::stop-commands::` and its resume token (random, so the text cannot end the pause itself).
 */
function commandSafe(text) {
    if (!holdsWorkflowCommand(text))
        return text;
    const token = randomBytes(16).toString('hex');
    const end = /[\r\n]$/.test(text) ? '' : '\n';
    return `::stop-commands::${token}\n${text}${end}::${token}::\n`;
}
/** JSON text whose strings cannot hold the legacy `##[` command marker (the same value, escaped). */
function jsonCommandSafe(json) {
    return json.replaceAll('##[', '#\\u0023[');
}
/** Control characters (ANSI escapes above all) as visible `\xNN`, for a terminal; line breaks and tabs stay. */
function terminalSafe(text) {
    return text.replace(
    // eslint-disable-next-line no-control-regex
    /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, c => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
/** At most `max` characters of `text`, saying how many were left out. */
function clip(text, max = 200) {
    if (text.length <= max)
        return text;
    return `${text.slice(0, max)}… (${text.length - max} more characters)`;
}
/**
 * Text for Markdown and the HTML GitHub renders it to: no tag, entity, link, emphasis or table cell
 * boundary survives, line breaks become spaces, and it is clipped to `max` characters.
 */
function markdownText(text, max = 200) {
    return clip(String(text), max)
        .replace(/[\r\n]+/g, ' ')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/[\\`*_[\]|~#!]/g, c => `\\${c}`);
}
/** Text as an inline code span: backticks and table bars cannot end it early, HTML is not rendered. */
function codeSpan(text, max = 200) {
    const clipped = clip(String(text), max)
        .replace(/[\r\n]+/g, ' ')
        .replace(/\|/g, '\\|');
    const longest = Math.max(0, ...[...clipped.matchAll(/`+/g)].map(match => match[0].length));
    const ticks = '`'.repeat(longest + 1);
    const pad = clipped.startsWith('`') || clipped.endsWith('`') ? ' ' : '';
    return `${ticks}${pad}${clipped}${pad}${ticks}`;
}
/** A fenced block that no run of backticks in `text` can close early. */
function fence(text, language = '') {
    const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map(match => match[0].length));
    const ticks = '`'.repeat(longest + 1);
    return `${ticks}${language}\n${text}\n${ticks}`;
}

;// CONCATENATED MODULE: ./src/data/violation-log.ts

/** Longest message (and field name) a kept violation carries: a 10 MiB cell is not echoed whole. */
const MAX_MESSAGE_CHARS = 1000;
const MAX_FIELD_CHARS = 200;
function bounded(violation) {
    const { message, field } = violation;
    if (message.length <= MAX_MESSAGE_CHARS && (field?.length ?? 0) <= MAX_FIELD_CHARS)
        return violation;
    return {
        ...violation,
        message: clip(message, MAX_MESSAGE_CHARS),
        ...(field !== undefined ? { field: clip(field, MAX_FIELD_CHARS) } : {})
    };
}
/**
 * Every violation counted by code and field; the first `max` kept, their text bounded. Each kept one has
 * an order key (row-violations.ts): violations found after the pass (repeated keys) are put in file order
 * among the others by `absorb`.
 */
class ViolationLog {
    max;
    kept;
    orders;
    countsByCode;
    countsByField;
    count;
    /** The file being read, which each kept violation names (set for data of several files). */
    file = undefined;
    lastOrder = 0;
    /** `from`: a log to go on with (the merged logs of a file's parts). */
    constructor(max, from) {
        this.max = max;
        this.kept = from ? from.violations.slice(0, max) : [];
        this.orders = from?.orders?.slice(0, max) ?? this.kept.map(() => 0);
        this.count = from?.violationCount ?? 0;
        this.countsByCode = { ...from?.countsByCode };
        this.countsByField = { ...from?.countsByField };
    }
    /** `order`: its place in file order (default: after the last one added). */
    add(violation, order = this.lastOrder) {
        this.count++;
        this.countsByCode[violation.code] = (this.countsByCode[violation.code] ?? 0) + 1;
        if (violation.field !== undefined)
            this.countsByField[violation.field] = (this.countsByField[violation.field] ?? 0) + 1;
        this.lastOrder = order;
        if (this.kept.length < this.max) {
            this.kept.push(bounded(this.file === undefined || violation.file !== undefined
                ? violation
                : { ...violation, file: this.file }));
            this.orders.push(order);
        }
    }
    /** Another log's violations, counted, and the kept ones put among these in order (ties: these first). */
    absorb(other) {
        this.count += other.count;
        for (const [code, n] of Object.entries(other.countsByCode))
            this.countsByCode[code] = (this.countsByCode[code] ?? 0) + n;
        for (const [field, n] of Object.entries(other.countsByField))
            this.countsByField[field] = (this.countsByField[field] ?? 0) + n;
        const kept = [];
        const orders = [];
        let i = 0;
        let j = 0;
        while (kept.length < this.max && (i < this.kept.length || j < other.kept.length)) {
            const mine = i < this.kept.length && (j === other.kept.length || this.orders[i] <= other.orders[j]);
            kept.push(mine ? this.kept[i] : other.kept[j]);
            orders.push(mine ? this.orders[i++] : other.orders[j++]);
        }
        this.kept = kept;
        this.orders = orders;
    }
    /** The log as a ValidationResult reports it. */
    summary() {
        return {
            violationCount: this.count,
            violations: this.kept,
            truncated: this.count > this.kept.length,
            countsByCode: this.countsByCode,
            countsByField: this.countsByField
        };
    }
}

;// CONCATENATED MODULE: ./src/data/key-recheck.ts
// The exact re-check of keys whose hashes repeat. The validator's pass puts each key's 64-bit hash into a
// KeyStore (key-tracker.ts); the store's candidates are the rows whose hash another row shares. This
// second pass over the table reads only those rows' keys, compares their canonical texts, and logs each
// row whose key equals an earlier row's, naming that row, as the validator logs any violation: a hash
// collision is never reported.







/** Key texts held at once by the re-check, in bytes (about). */
const RECHECK_MEMORY_BYTES = 48 * 1024 * 1024;
/** Rows (numbered across the files of a dataset) as a bit set. */
class RowSet {
    bits = new Uint32Array(1024);
    /** Rows added (a row added twice counts twice). */
    added = 0;
    add(row) {
        this.added++;
        const word = row >>> 5;
        if (word >= this.bits.length) {
            const bits = new Uint32Array(Math.max(word + 1, this.bits.length * 2));
            bits.set(this.bits);
            this.bits = bits;
        }
        this.bits[word] |= 1 << (row & 31);
    }
    has(row) {
        const word = row >>> 5;
        return word < this.bits.length && (this.bits[word] & (1 << (row & 31))) !== 0;
    }
    /** The set's first `limit` rows, in order. */
    first(limit) {
        const rows = [];
        for (let word = 0; word < this.bits.length && rows.length < limit; word++) {
            const bits = this.bits[word];
            if (bits === 0)
                continue;
            for (let bit = 0; bit < 32 && rows.length < limit; bit++)
                if (bits & (1 << bit))
                    rows.push(word * 32 + bit);
        }
        return rows;
    }
    /** Whether any row from `from` to `to` (both included) is in the set: a word at a time. */
    anyIn(from, to) {
        for (let row = from; row <= to; row = (row >>> 5) * 32 + 32) {
            const word = row >>> 5;
            if (word >= this.bits.length)
                return false;
            if (this.bits[word] === 0)
                continue;
            const last = Math.min(to, word * 32 + 31);
            for (let r = row; r <= last; r++)
                if (this.has(r))
                    return true;
        }
        return false;
    }
}
/** The rows whose key hash repeats in `store`, or null when none does. */
function candidateRows(store) {
    let rows = null;
    store.candidates((_hi, _lo, row) => (rows ??= new RowSet()).add(row));
    return rows;
}
/**
 * The repeated keys among the candidate rows, in a log of their own (to absorb into the validator's),
 * and how many rows repeat a whole earlier row. The candidates' keys are held as texts, a share of them
 * per pass (by hash): a pass whose texts outgrow `memoryBytes` stops, and the keys are split in twice as
 * many shares.
 */
async function recheckKeys(recheck) {
    const fields = compileSchema(recheck.schema, recheck.schemaLabel);
    // A first guess from the candidates (short keys, about 100 bytes each held); too few shares double.
    const guess = (recheck.candidates.added * 100) / (recheck.memoryBytes ?? RECHECK_MEMORY_BYTES);
    for (let shares = 2 ** Math.ceil(Math.log2(Math.max(1, guess)));; shares *= 2) {
        const log = new ViolationLog(recheck.maxViolations);
        let duplicateRows = 0;
        let complete = true;
        for (let share = 0; share < shares && complete; share++) {
            const sink = new RecheckSink(recheck, fields, share, shares);
            await recheck.read(sink);
            complete = !sink.overflowed;
            log.absorb(sink.log);
            duplicateRows += sink.duplicateRows;
        }
        if (complete)
            return { log, duplicateRows };
    }
}
/**
 * A second pass over a table that numbers its rows as the validator's RowChecker does (per file, and
 * across the files of a dataset, as the key stores have them) and hands `candidates`'s rows to `visit`
 * with their columns' fields.
 */
class RowsAgainSink {
    schema;
    fields;
    candidates;
    columns = null;
    rowNumber = 1;
    rowBase = 0;
    file = 0;
    acrossFiles;
    constructor(schema, fields, candidates, fileNames) {
        this.schema = schema;
        this.fields = fields;
        this.candidates = candidates;
        this.acrossFiles = new AcrossFiles(fileNames);
    }
    /** Each column's field name (null: none), once the header is read. */
    mapColumns(_names) { }
    /** A file passed over (none of its rows is a candidate): its rows numbered as if read, to `lastRow`. */
    skipFile(lastRow) {
        this.rowNumber = lastRow;
    }
    /** The next file of a dataset: numbered as the validator's RowChecker numbers it. */
    startFile(index) {
        if (index === 0)
            return;
        this.file = index;
        this.rowBase += this.rowNumber;
        this.acrossFiles.startFile(this.rowBase);
        this.rowNumber = 1;
        this.columns = null;
    }
    header(labels, line, _raw, rowNumber = 1) {
        const columns = columnsOfHeader(labels, { line, rowNumber }, this.fields, this.schema.fieldsMatch, { add: () => undefined });
        this.columns = columns;
        this.mapColumns(columns.map(field => field?.name ?? null));
    }
    problem(problem) {
        if (problem.code === 'blank-row')
            this.rowNumber++;
    }
    row(cells, position) {
        return this.check(cells, null, position);
    }
    textRow(text, position) {
        return this.check(null, text, position);
    }
    check(cells, text, position) {
        // As the validator: a reader that numbers rows itself (a dialect's) says the row's number.
        const rowNumber = (this.rowNumber = position.rowNumber ?? this.rowNumber + 1);
        const columns = this.columns;
        if (columns === null || !this.candidates.has(this.rowBase + rowNumber))
            return true;
        return this.visit(cells, text, position, columns);
    }
}
/** Per column: each key (by index in `keys`) and part (by index in its fields) that the column is. */
function keyPartsByColumn(names, keys) {
    return names.map(name => keys.flatMap((key, k) => {
        const part = name === null ? -1 : key.fields.indexOf(name);
        return part === -1 ? [] : [[k, part]];
    }));
}
/** Cell `k`'s value as the validator's pass fed it to the keys: MISSING when it had no valid value. */
function keyValue(field, cells, text, k) {
    if (!field || (cells && cells[k] === ABSENT))
        return MISSING;
    if (text ? field.checkText(text, k) : field.check(cells[k]))
        return MISSING;
    return field.value;
}
/** One pass of the re-check: the candidates' keys compared. */
class RecheckSink extends RowsAgainSink {
    recheck;
    share;
    shares;
    log;
    duplicateRows = 0;
    overflowed = false;
    first = new Map();
    bytes = 0;
    budget;
    hash = new Hash64();
    primaryIndex;
    rowIndex;
    /** Per column: its unique field's check (-1: none), and its field's parts in the composite keys. */
    uniqueByColumn = [];
    partsByColumn = [];
    /** The composite keys (the primary key, then unique keys): their fields and this row's part texts. */
    composites;
    constructor(recheck, fields, share, shares) {
        super(recheck.schema, fields, recheck.candidates, recheck.fileNames);
        this.recheck = recheck;
        this.share = share;
        this.shares = shares;
        this.log = new ViolationLog(recheck.maxViolations);
        this.log.file = recheck.fileNames?.[0];
        this.budget = recheck.memoryBytes ?? RECHECK_MEMORY_BYTES;
        const { checks } = recheck;
        this.primaryIndex = checks.unique.length;
        this.rowIndex = rowCheckIndex(checks);
        this.composites = [checks.primaryKey, ...checks.uniqueKeys].map(keyFields => ({
            fields: keyFields,
            parts: keyFields.map(() => null)
        }));
    }
    startFile(index) {
        super.startFile(index);
        if (index > 0)
            this.log.file = this.recheck.fileNames?.[index];
    }
    mapColumns(names) {
        this.uniqueByColumn = names.map(name => name === null ? -1 : this.recheck.checks.unique.indexOf(name));
        this.partsByColumn = keyPartsByColumn(names, this.composites);
    }
    /** A candidate's keys compared. False: stop (too much text held). */
    visit(cells, text, position, columns) {
        const rowNumber = this.rowNumber;
        for (const key of this.composites)
            key.parts.fill(null);
        const count = text ? text.count : cells.length;
        const checked = Math.min(columns.length, count);
        for (let k = 0; k < checked; k++) {
            const field = columns[k];
            const unique = this.uniqueByColumn[k];
            const parts = this.partsByColumn[k];
            if (!field || (unique === -1 && parts.length === 0))
                continue;
            const value = keyValue(field, cells, text, k);
            if (value === MISSING)
                continue;
            const canonical = uniqueKey(value);
            for (const [c, part] of parts)
                this.composites[c].parts[part] = canonical;
            if (unique !== -1)
                this.compare(unique, canonical, first => {
                    const shown = JSON.stringify(String(text ? text.cell(k) : cells[k]));
                    const message = `field "${field.name}": ${shown} already appears in ${first}; the field must be unique`;
                    return [
                        cellViolation('unique-error', message, position, k, rowNumber, field.name),
                        RANK.cell(k)
                    ];
                });
        }
        this.compareComposites(position);
        if (this.recheck.checks.duplicateRows)
            this.compareRow(cells, text, position);
        return !this.overflowed;
    }
    /** The primary key (unless every part is null) and the unique keys (unless a part is null). */
    compareComposites(position) {
        const rowNumber = this.rowNumber;
        this.composites.forEach((key, c) => {
            const set = key.parts.filter(part => part !== null).length;
            if (c === 0 ? set === 0 : set < key.fields.length)
                return;
            const keyText = key.parts
                .map(part => (part === null ? '\u0002' : `${part.length}:${part}`))
                .join('');
            this.compare(this.primaryIndex + c, keyText, first => {
                if (c === 0)
                    return [
                        {
                            code: 'primary-key',
                            ...where(position),
                            rowNumber,
                            message: `primary key (${key.fields.join(', ')}) repeats ${first}`
                        },
                        RANK.primaryKey
                    ];
                const message = `unique key (${key.fields.join(', ')}) repeats ${first}`;
                const k = key.fields.length === 1
                    ? this.columns.findIndex(field => field?.name === key.fields[0])
                    : -1;
                const violation = k >= 0
                    ? cellViolation('unique-error', message, position, k, rowNumber, key.fields[0])
                    : { code: 'unique-error', ...where(position), rowNumber, message };
                return [violation, RANK.uniqueKey(c - 1)];
            });
        });
    }
    compareRow(cells, text, position) {
        const count = text ? text.count : cells.length;
        let rowText = '';
        for (let k = 0; k < count; k++) {
            const cell = cellText(text ? text.cell(k) : cells[k]);
            rowText += cell === null ? '\u0002' : `${cell.length}:${cell}`;
        }
        const rowNumber = this.rowNumber;
        this.compare(this.rowIndex, rowText, first => {
            this.duplicateRows++;
            return [
                {
                    code: 'duplicate-row',
                    ...where(position),
                    rowNumber,
                    message: `the row repeats ${first}`
                },
                RANK.duplicateRow
            ];
        });
    }
    /** Key check `index`'s key in this row: logged when an earlier row had it, else remembered. */
    compare(index, keyText, report) {
        if (this.shares > 1) {
            this.hash.text(keyText, index);
            if (this.hash.lo % this.shares !== this.share)
                return;
        }
        const key = `${index}\u0000${keyText}`;
        const across = this.rowBase + this.rowNumber;
        const first = this.first.get(key);
        if (first !== undefined) {
            const [violation, rank] = report(this.acrossFiles.rowName(first, this.file));
            this.log.add(violation, orderOf(across, rank));
            return;
        }
        this.first.set(key, across);
        this.bytes += 2 * key.length + 64;
        if (this.bytes > this.budget && this.shares < 2 ** 20)
            this.overflowed = true;
    }
}

;// CONCATENATED MODULE: ./src/data/key-references.ts
// Foreign keys into the same table, checked after its last row (of every part, for a table validated in
// parts: a plan's shards). The validator's pass hashed each row's reference and referenced key
// (key-tracker.ts); here they are compared in hash order. A reference whose hash no referenced key has
// refers to no row (equal texts hash equal); the first of those rows are read again for their values and
// places, and logged as violations after every other row's.










/** Each foreign key's hashes of every part of a table, both sides, to compare once all are absorbed. */
class TableReferences {
    schema;
    keys;
    constructor(schema) {
        this.schema = schema;
        this.keys = (schema.foreignKeys ?? []).map(() => ({
            references: new KeyStore(),
            referenced: new KeyStore()
        }));
    }
    /** A part's hashes, its rows numbered after `rowOffset` rows of the table. */
    absorb(hashes, rowOffset) {
        hashes?.forEach((key, i) => {
            this.keys[i].references.absorb(key.references, rowOffset);
            this.keys[i].referenced.absorb(key.referenced, rowOffset);
        });
    }
    /**
     * Logs every reference to no row into `log` (counted; the first kept, as the validator's pass keeps
     * them: by row, then by foreign key), reading those rows again by `read`. The hashes are used up.
     */
    async logBroken(log, options, read) {
        const broken = this.keys.map(key => brokenRows(key));
        const room = Math.max(0, options.maxViolations - log.kept.length);
        const kept = broken
            .flatMap((rows, key) => rows.first(room).map(row => ({ row, key })))
            .sort((a, b) => a.row - b.row || a.key - b.key)
            .slice(0, room);
        if (kept.length) {
            const candidates = new RowSet();
            for (const { row } of kept)
                candidates.add(row);
            const fields = compileSchema(this.schema, options.schemaLabel);
            const sink = new ReferenceSink(this.schema, fields, candidates, options.fileNames);
            await read(sink, candidates);
            for (const { row, key } of kept)
                log.add(sink.violation(row, key));
        }
        const unkept = { code: 'foreign-key', rowNumber: 0, message: '' };
        const count = broken.reduce((sum, rows) => sum + rows.added, 0);
        for (let i = kept.length; i < count; i++)
            log.add(unkept);
    }
    /** Removes what was spilled, the stores' and the parts' (a shard's files, with no folder, stay). */
    dispose() {
        for (const key of this.keys) {
            key.references.dispose();
            key.referenced.dispose();
        }
    }
}
/**
 * The rows whose reference no referenced key's hash equals: the referenced hashes, each once, go to a
 * run on disk, which is walked beside the references (both in hash order).
 */
function brokenRows({ references, referenced }) {
    const folder = (0,external_node_fs_namespaceObject.mkdtempSync)(external_node_path_default().join(process.env.RUNNER_TEMP ?? external_node_os_default().tmpdir(), 'ml-smoke-references-'));
    try {
        const writer = new RunWriter(external_node_path_default().join(folder, 'referenced.run'));
        let [lastHi, lastLo] = [-1, -1];
        referenced.each((hi, lo) => {
            if (hi !== lastHi || lo !== lastLo)
                writer.add(hi, lo, 0);
            [lastHi, lastLo] = [hi, lo];
        });
        const keys = new RunCursor(writer.finish());
        const rows = new RowSet();
        let more = keys.next();
        references.each((hi, lo, row) => {
            while (more && (keys.hi < hi || (keys.hi === hi && keys.lo < lo)))
                more = keys.next();
            if (!more || keys.hi !== hi || keys.lo !== lo)
                rows.add(row);
        });
        keys.close();
        return rows;
    }
    finally {
        (0,external_node_fs_namespaceObject.rmSync)(folder, { recursive: true, force: true });
    }
}
/** The rows of broken references read again: each foreign key's values in them, and where they are. */
class ReferenceSink extends RowsAgainSink {
    found = new Map();
    foreignKeys;
    /** Per column: the foreign keys and parts its field is in. */
    partsByColumn = [];
    constructor(schema, fields, candidates, fileNames) {
        super(schema, fields, candidates, fileNames);
        this.foreignKeys = schema.foreignKeys ?? [];
    }
    /** The violation of foreign key `key` in row `row` (numbered across files). */
    violation(row, key) {
        const violation = this.found.get(`${row}:${key}`);
        if (violation)
            return violation;
        const { rowNumber, file } = this.acrossFiles.fileRow(row);
        throw new errors/* UserError */.yo(`${file ?? 'the data'}: row ${rowNumber} was not there when read again: the data changed while it was validated; validate it again`);
    }
    mapColumns(names) {
        this.partsByColumn = keyPartsByColumn(names, this.foreignKeys);
    }
    /** As the validator's pass: each part the last valid value of its field's columns, else null. */
    visit(cells, text, position, columns) {
        const parts = this.foreignKeys.map(key => key.fields.map(() => null));
        const checked = Math.min(columns.length, text ? text.count : cells.length);
        for (let k = 0; k < checked; k++) {
            if (this.partsByColumn[k].length === 0)
                continue;
            const value = keyValue(columns[k], cells, text, k);
            if (value === MISSING)
                continue;
            const canonical = uniqueKey(value);
            for (const [key, part] of this.partsByColumn[k])
                parts[key][part] = canonical;
        }
        const across = this.rowBase + this.rowNumber;
        this.foreignKeys.forEach((key, i) => {
            const values = parts[i].map(part => part === null ? 'null' : part.slice(part.indexOf(':') + 1));
            this.found.set(`${across}:${i}`, {
                code: 'foreign-key',
                ...where(position),
                ...this.acrossFiles.fileRow(across),
                message: `foreign key (${key.fields.join(', ')}) = (${values.join(', ')}) is not the (${key.reference.fields.join(', ')}) of any row`
            });
        });
        return true;
    }
}

;// CONCATENATED MODULE: ./src/data/row-keys.ts
// A row's key for the comparison of splits: the values of some columns as the schema reads them (so
// `1.0` and `1` are one number), hashed. The validator puts every row's 64-bit hash into a KeyStore
// (keys/store.ts, which spills to disk past its memory); the leakage re-check reads the same keys again,
// exactly, for the rows whose hashes repeat.





/** A label column with more distinct values than this is not a class label: its shares are not compared. */
const MAX_LABEL_CLASSES = 1000;
/** A key part whose cell has no value (missing, empty, or no such column in the file). */
const NO_VALUE = Symbol('no value');
/** A key part whose cell does not cast: its text (in `raws`) is the part. */
const RAW = Symbol('raw');
const bigintAsText = (_key, item) => typeof item === 'bigint' ? String(item) : item;
/** A cast value as text, one text per value whatever the file's format wrote: 1.0, 1 and INT64 1 are `n1`. */
function valueText(value) {
    switch (typeof value) {
        case 'number':
        case 'bigint':
            return `n${value}`;
        case 'string':
            return `s${value}`;
        case 'boolean':
            return value ? 'T' : 'F';
    }
    if (value instanceof Date)
        return `d${Number.isNaN(value.getTime()) ? '?' : value.toISOString()}`;
    return `j${JSON.stringify(value, bigintAsText)}`;
}
// The hash's state: two 32-bit lanes of an FNV-1a variant, mixed a 16-bit unit at a time.
let low = 0;
let high = 0;
const row_keys_float = new Float64Array(1);
const words = new Uint32Array(row_keys_float.buffer);
function mix(unit) {
    low = Math.imul(low ^ unit, 0x01000193);
    high = Math.imul(high ^ unit ^ (low >>> 16), 0x01000193);
}
function mixText(text) {
    for (let i = 0; i < text.length; i++)
        mix(text.charCodeAt(i));
}
/** A number by its bits (one NaN, one zero): no string is made for it. */
function mixNumber(value) {
    row_keys_float[0] = value === 0 ? 0 : value;
    if (value !== value)
        words[0] = words[1] = 0xffffffff;
    mix(words[0] & 0xffff);
    mix(words[0] >>> 16);
    mix(words[1] & 0xffff);
    mix(words[1] >>> 16);
}
/** One part of a key into the hash: values whose valueText (or raw text) is the same mix the same. */
function mixValue(value, raw) {
    if (value === NO_VALUE)
        mix(0x02);
    else if (value === RAW) {
        mix(0x72);
        mixText(raw);
    }
    else if (typeof value === 'number') {
        mix(0x6e);
        mixNumber(value);
    }
    else if (typeof value === 'string') {
        mix(0x73);
        mixText(value);
    }
    else if (typeof value === 'bigint') {
        mix(0x6e);
        mixNumber(Number(value));
    }
    else if (typeof value === 'boolean')
        mix(value ? 0x54 : 0x46);
    else
        mixText(valueText(value));
    mix(0x1f);
}
/** The key's 64-bit hash, into `hash`: both lanes, finalized. */
function hashKey(values, raws, hash) {
    low = 0x811c9dc5;
    high = 0x050c5d1f;
    for (let i = 0; i < values.length; i++)
        mixValue(values[i], raws[i]);
    hash.hi = mix32(high ^ Math.imul(low, 0x9e3779b1));
    hash.lo = mix32(low ^ values.length);
}
/** Memory for a table's row-key hashes (a part on one of two threads gets half); past it they spill. */
const ROW_KEY_MEMORY_BYTES = 8 * 1024 * 1024;
/** A part's hashes left in memory past this many bytes go to disk when it is done (see figures). */
const KEPT_IN_MEMORY_BYTES = 1 << 20;
/**
 * The keys of a table's rows: `header` maps the key columns (by the field each column holds, as the
 * validator maps them), `keyOf` reads one row's key, `add` hashes it and counts the label's class.
 */
class RowKeys {
    spec;
    fields;
    columnOf = [];
    labelIndex = -1;
    values;
    raws;
    hash = { hi: 0, lo: 0 };
    store;
    /** Rows hashed: a row's number in the store (from 0). */
    rows = 0;
    classes = new Map();
    tooManyClasses = false;
    labelled = false;
    constructor(schema, spec, schemaLabel, options = {}) {
        this.spec = spec;
        const memoryBytes = options.memoryBytes ?? ROW_KEY_MEMORY_BYTES;
        this.store = options.keyStore?.(memoryBytes) ?? new KeyStore({ memoryBytes });
        this.fields = spec.columns.map(name => {
            const index = schema.fields.findIndex(field => field.name === name);
            return compileField(schema.fields[index], index, schema.missingValues, schemaLabel, {
                valueRead: true
            });
        });
        this.values = new Array(this.fields.length).fill(NO_VALUE);
        this.raws = new Array(this.fields.length).fill('');
    }
    /**
     * A file's header: the field each column holds (null: none, as the validator paired them), and the
     * columns' own names (the label column is a column of the file, as the subset names it).
     */
    header(names, labels) {
        this.columnOf = this.fields.map(field => names.indexOf(field.name));
        this.labelIndex =
            this.spec.labelColumn === undefined ? -1 : labels.indexOf(this.spec.labelColumn);
        this.labelled ||= this.labelIndex >= 0;
    }
    /** Reads the row's key: each key column's value as its field casts it (valid until the next read). */
    read(cells, text) {
        const { fields, columnOf, values, raws } = this;
        const count = text ? text.count : cells.length;
        for (let i = 0; i < fields.length; i++) {
            const k = columnOf[i];
            if (k < 0 || k >= count || (cells && cells[k] === ABSENT)) {
                values[i] = NO_VALUE;
                continue;
            }
            const field = fields[i];
            const problem = text ? field.checkText(text, k) : field.check(cells[k]);
            if (field.value === MISSING)
                values[i] = NO_VALUE;
            else if (problem?.code !== 'type-error')
                values[i] = field.value;
            else {
                const cell = text ? text.cell(k) : cells[k];
                values[i] = RAW;
                raws[i] = typeof cell === 'string' ? cell : JSON.stringify(cell, bigintAsText);
            }
        }
    }
    /** The key read last, exactly, as text: two keys are equal when their texts are. */
    exactText() {
        return this.values
            .map((value, i) => value === NO_VALUE ? '\u0002' : value === RAW ? `r${this.raws[i]}` : valueText(value))
            .join('\u0000');
    }
    /** The key's columns and their cells as the row has them, for an example in a report. */
    shown(cells, text) {
        const count = text ? text.count : cells.length;
        const shown = this.fields.map((field, i) => {
            const k = this.columnOf[i];
            const cell = k < 0 || k >= count ? '' : text ? text.cell(k) : cells[k];
            const value = cell === ABSENT || cell === null || cell === undefined ? '' : cell;
            return `${field.name}=${clip(typeof value === 'string' ? value : String(value), 40)}`;
        });
        return clip(shown.join(', '), 300);
    }
    /**
     * Hashes the row's key into the store and counts its class. Rows are numbered in the order added: the
     * re-check (leakage.ts) numbers the rows it reads the same way (every row after a header, but blank ones).
     */
    add(cells, text) {
        this.read(cells, text);
        hashKey(this.values, this.raws, this.hash);
        this.store.add(this.hash.hi, this.hash.lo, this.rows++);
        if (this.labelIndex >= 0)
            this.countClass(cells, text);
    }
    countClass(cells, text) {
        const k = this.labelIndex;
        if (this.tooManyClasses || k >= (text ? text.count : cells.length))
            return;
        const cell = text ? text.cell(k) : cells[k];
        if (cell === '' || cell === null || cell === undefined || cell === ABSENT)
            return;
        const label = typeof cell === 'string' ? cell : String(cell);
        const count = this.classes.get(label);
        if (count === undefined && this.classes.size >= MAX_LABEL_CLASSES) {
            this.tooManyClasses = true;
            this.classes.clear();
        }
        else
            this.classes.set(label, (count ?? 0) + 1);
    }
    /** The hashes (a part's, to be merged with the others' in row order) and the class counts. */
    figures() {
        return {
            parts: [{ keys: this.store.detach({ spillAbove: KEPT_IN_MEMORY_BYTES }), rows: this.rows }],
            ...(this.labelled && !this.tooManyClasses
                ? { classes: Object.fromEntries(this.classes) }
                : {}),
            ...(this.tooManyClasses ? { tooManyClasses: true } : {})
        };
    }
    /** Removes what the store spilled, unless `figures` handed it over. */
    dispose() {
        this.store.dispose();
    }
}

;// CONCATENATED MODULE: ./src/data/validate.ts














function spanNote(position) {
    return position.endLine !== undefined &&
        position.line !== undefined &&
        position.endLine > position.line
        ? ` (this record spans lines ${position.line}-${position.endLine} because a quoted field holds line breaks: check for an unbalanced quote)`
        : '';
}
/** Every cell empty (no closure per row: this runs for each of millions of rows). */
function isBlank(cells, text) {
    if (text) {
        for (let i = 0; i < text.count; i++)
            if (text.ends[i] !== text.starts[i] || text.escapedAt(i) !== undefined)
                return false;
        return true;
    }
    for (let i = 0; i < cells.length; i++) {
        const cell = cells[i];
        if (cell !== '' && cell !== null && cell !== ABSENT)
            return false;
    }
    return true;
}
/** Cell `k` as a value, whichever way the reader handed the row over (one of the two is null). */
function cellAt(cells, text, k) {
    return text ? text.cell(k) : cells[k];
}
/** A row's cells as values. */
function cellsOf(cells, text) {
    return cells ?? Array.from({ length: text.count }, (_, k) => text.cell(k));
}
/** Memory for all foreign keys' hashes (their references, the keys referenced): the rest spills. */
const FOREIGN_KEY_MEMORY_BYTES = 16 * 1024 * 1024;
/**
 * Validates a table against a Table Schema in one streaming pass over what `read` hands its sink: the
 * header, every cell's type and constraints, unique and primary keys, and the dataset-level checks under
 * `mlChecks`. It loads no reader itself (see validate-file.ts), so a CSV worker stays small.
 */
async function validateRows(schema, options, read, seams = {}) {
    if (usesJsonSchema(schema))
        await loadJsonSchemaValidator();
    const fields = compileSchema(schema, options.schemaLabel);
    const log = new ViolationLog(options.maxViolations);
    const memoryBytes = options.partition ? KEY_MEMORY_BYTES / 2 : KEY_MEMORY_BYTES;
    const keyStore = seams.keyStore ?? (bytes => new KeyStore({ memoryBytes: bytes }));
    const table = new RowChecker(schema, fields, log, options, () => keyStore(memoryBytes));
    const store = table.keys.store;
    let handedOver = false;
    try {
        const ended = await read(table);
        table.endFile();
        // A part's keys are compared with the other parts' by whoever merges them (validate-dataset.ts).
        const repeats = store && !options.partition
            ? await resolveKeys(store, table.keys.checks, schema, options, read, seams)
            : null;
        if (repeats)
            log.absorb(repeats.log);
        // After the repeated keys; a part's foreign keys go to whoever merges it (merge-parts.ts).
        if (schema.foreignKeys?.length && !options.partition)
            await brokenReferences(schema, table.keys.foreignKeyHashes(), log, options, read);
        // Checks of the whole table name no file.
        log.file = undefined;
        if (!options.partition)
            datasetChecks(schema.mlChecks, table.rows, table.nullCounts, table.classCounts, log);
        handedOver = options.partition !== undefined;
        return {
            format: options.format,
            rows: table.rows,
            ...log.summary(),
            header: table.labels,
            stats: {
                nullCounts: table.nullCounts,
                classCounts: table.classCounts ? Object.fromEntries(table.classCounts) : undefined,
                duplicateRows: repeats?.duplicateRows ?? 0
            },
            linesRead: ended.linesRead,
            endedBetweenRecords: ended.endedBetweenRecords,
            ...(table.rowKeys ? { rowKeys: table.rowKeys.figures() } : {}),
            ...(options.partition
                ? {
                    orders: log.orders,
                    keys: store?.detach() ?? null,
                    lastRowNumber: table.rowNumber,
                    ...(schema.foreignKeys?.length ? { foreignKeys: table.keys.foreignKeyHashes() } : {})
                }
                : {})
        };
    }
    finally {
        // A part's hashes go to the merge, which removes what it spilled; anything else is removed here.
        if (!handedOver) {
            store?.dispose();
            table.keys.disposeForeignKeys();
        }
        // The row keys' hashes were handed over by `figures`, unless validation failed first.
        table.rowKeys?.dispose();
    }
}
/**
 * The repeated keys of a table: the rows whose key hashes repeat in `store`, read again by `read` (told
 * which rows those are: a reader may pass over files that hold none) and compared by their exact texts;
 * null when no hash repeats.
 */
async function resolveKeys(store, checks, schema, options, read, seams = {}) {
    const candidates = candidateRows(store);
    // The hashes are done with: their memory is free before the table is read again.
    store.dispose();
    if (!candidates)
        return null;
    return recheckKeys({
        schema,
        schemaLabel: options.schemaLabel,
        checks,
        candidates,
        read: sink => read(sink, candidates),
        fileNames: options.fileNames,
        maxViolations: options.maxViolations,
        memoryBytes: seams.recheckMemoryBytes
    });
}
/** The references to no row of a table read in one pass, logged into `log` (reading those rows again). */
async function brokenReferences(schema, hashes, log, options, read) {
    const references = new TableReferences(schema);
    try {
        references.absorb(hashes, 0);
        await references.logBroken(log, options, read);
    }
    finally {
        references.dispose();
    }
}
/**
 * The sink that checks what a reader hands over: the header once, then row after row, each cell through
 * its compiled field and into the keys and counts it feeds. A reader hands over either values (`cells`)
 * or a text row (`text`); one of them is null.
 */
class RowChecker {
    schema;
    fields;
    log;
    /** The field of each column (null: none); null until the header is read. */
    columns = null;
    /** The common cells of text rows, accepted without their fields (null: none can be). */
    fast = null;
    labels = [];
    /** Data rows read. */
    rows = 0;
    nullCounts;
    classCounts;
    keys;
    rowKeys;
    /** Frictionless row number of the row being read: the header is row 1. */
    rowNumber = 1;
    /**
     * Rows of a dataset of several files are numbered per file; the key checks and the order of violations
     * number them across all: row `rowNumber` of the file being read is `rowBase + rowNumber` there.
     */
    rowBase = 0;
    acrossFiles;
    countAtFileStart = 0;
    fileNames;
    continuesFile;
    labelColumn = -1;
    primaryKey;
    labelField;
    headerLog;
    constructor(schema, fields, log, options, keyStore) {
        this.schema = schema;
        this.fields = fields;
        this.log = log;
        this.nullCounts = Object.fromEntries(fields.map(field => [field.name, 0]));
        this.labelField = schema.mlChecks?.label?.column;
        this.classCounts = this.labelField ? new Map() : null;
        this.primaryKey = primaryKeyOf(schema);
        // Two stores a foreign key share the memory (half of it on a thread's part, as the keys' store).
        const sides = 2 * Math.max(1, schema.foreignKeys?.length ?? 0);
        const sideBytes = FOREIGN_KEY_MEMORY_BYTES / sides / (options.partition ? 2 : 1);
        this.keys = new KeyTracker(keyChecksOf(schema), schema.foreignKeys, keyStore, () => new KeyStore({ memoryBytes: sideBytes }));
        // A later part of a file maps the columns by the header, but the header's own defects (and an empty
        // file) are the first part's to report (else the merge would count them twice).
        const partition = options.partition;
        this.continuesFile = partition?.header !== undefined || (partition?.rowGroups?.from ?? 0) > 0;
        this.headerLog = this.continuesFile ? { add: () => undefined } : log;
        this.fileNames = options.fileNames;
        this.acrossFiles = new AcrossFiles(options.fileNames);
        log.file = this.fileNames?.[0];
        const rowKeyMemory = options.partition ? ROW_KEY_MEMORY_BYTES / 2 : ROW_KEY_MEMORY_BYTES;
        this.rowKeys = options.rowKeys
            ? new RowKeys(schema, options.rowKeys, options.schemaLabel, { memoryBytes: rowKeyMemory })
            : null;
    }
    /** The next file of a dataset of several: its rows are numbered from its own header. */
    startFile(index) {
        if (index === 0)
            return;
        this.endFile();
        this.rowBase += this.rowNumber;
        this.acrossFiles.startFile(this.rowBase);
        this.rowNumber = 1;
        this.columns = null;
        this.countAtFileStart = this.log.count;
        this.log.file = this.fileNames?.[index];
    }
    /** After a file's last row: a file with neither a header nor a problem is empty, which is a problem. */
    endFile() {
        this.countFastMissing();
        if (this.columns !== null || this.continuesFile || this.log.count > this.countAtFileStart)
            return;
        this.log.add({
            code: 'source-error',
            line: 1,
            rowNumber: 1,
            message: `the file is empty: expected a header or rows with ${this.fields.map(f => f.name).join(', ')}`
        }, orderOf(this.rowBase + 1, RANK.beforeCells));
    }
    header(labels, line, _raw, rowNumber = 1) {
        this.labels = labels;
        const columns = columnsOfHeader(labels, { line, rowNumber }, this.fields, this.schema.fieldsMatch, this.headerLog);
        this.columns = columns;
        const names = columns.map(field => field?.name ?? null);
        this.keys.mapColumns(names);
        this.rowKeys?.header(names, labels);
        this.labelColumn = columns.findIndex(field => field !== null && field.name === this.labelField);
        // The label's cells are counted by their text: its field sees each one.
        const fast = new FastCells(columns, new Set([this.labelColumn]));
        this.fast = fast.useful ? fast : null;
    }
    /** The missing values FastCells took, into the null counts (at each file's end: startFile ends the last). */
    countFastMissing() {
        if (this.fast === null || this.columns === null)
            return;
        const counts = this.fast.takeMissing();
        this.columns.forEach((field, k) => {
            if (field)
                this.nullCounts[field.name] += counts[k];
        });
    }
    row(cells, position, extraKeys) {
        this.check(cells, null, position, extraKeys);
    }
    textRow(text, position) {
        this.check(null, text, position);
    }
    problem(problem) {
        if (problem.code === 'blank-row')
            this.rowNumber++;
        const rowNumber = problem.rowNumber ?? this.rowNumber + (problem.code === 'blank-row' ? 0 : 1);
        this.log.add({
            code: problem.code,
            line: problem.line,
            rowNumber,
            fieldNumber: problem.fieldNumber,
            message: problem.message
        }, orderOf(this.rowBase + rowNumber, RANK.beforeCells));
    }
    check(cells, text, position, extraKeys) {
        // A reader that numbers rows itself (a dialect's header and comment rows) says the row's number.
        const rowNumber = (this.rowNumber = position.rowNumber ?? this.rowNumber + 1);
        this.rows++;
        const columns = this.columns;
        if (columns === null)
            return;
        if (isBlank(cells, text)) {
            this.log.add({ code: 'blank-row', ...where(position), rowNumber, message: 'the row is blank' }, orderOf(this.rowBase + rowNumber, RANK.beforeCells));
            // As frictionless-py: a blank row's primary key is empty too.
            this.keys.blankRow();
            if (this.keys.primaryKeyEmpty)
                this.emptyPrimaryKey(position);
            return;
        }
        this.checkCells(cells, text, position, columns);
        const count = text ? text.count : cells.length;
        if (count > columns.length)
            this.extraCells(cells, text, position, columns.length);
        // A text row can be short; a JSON or Parquet row only under fieldsMatch: exact, when the schema has
        // more fields than the file has columns (a JSON row's missing keys are ABSENT cells).
        if (count < columns.length)
            this.missingCells(count, position, columns);
        // After the cells, as frictionless-py orders a row's errors.
        this.checkRepeats(cells, text, position);
        this.rowKeys?.add(cells, text);
        if (extraKeys)
            for (const key of extraKeys) {
                this.log.add({
                    code: 'extra-cell',
                    ...where(position),
                    rowNumber,
                    message: `key "${key}" is not a column (the first row's keys are the header: ${this.labels.join(', ')})`
                }, orderOf(this.rowBase + rowNumber, RANK.extraKey));
            }
    }
    /** The hot loop: each cell through its field's checks, then into the keys and counts it feeds. */
    checkCells(cells, text, position, columns) {
        const { keys, log, rowNumber } = this;
        const across = this.rowBase + rowNumber;
        const checked = Math.min(columns.length, text ? text.count : cells.length);
        keys.startRow();
        // Text rows: the common cells first, without their fields; the rest (pending) through them.
        const fast = text ? this.fast : null;
        if (fast !== null && fast.acceptRow(text, checked, keys, across))
            return;
        for (let k = 0; k < checked; k++) {
            const field = columns[k];
            if (!field || (fast !== null && fast.pending[k] === 0))
                continue;
            if (cells && cells[k] === ABSENT) {
                this.nullCounts[field.name]++;
                const message = `the row has no "${field.name}"`;
                log.add(cellViolation('missing-cell', message, position, k, rowNumber, field.name), orderOf(across, RANK.cell(k)));
                continue;
            }
            const problem = text ? field.checkText(text, k) : field.check(cells[k]);
            const value = field.value;
            if (value === MISSING)
                this.nullCounts[field.name]++;
            if (problem) {
                log.add(cellViolation(problem.code, problem.message, position, k, rowNumber, field.name), orderOf(across, RANK.cell(k)));
                continue;
            }
            if (value === MISSING)
                continue;
            keys.value(k, value, across);
            if (k === this.labelColumn && this.classCounts) {
                const label = String(cellAt(cells, text, k));
                this.classCounts.set(label, (this.classCounts.get(label) ?? 0) + 1);
            }
        }
    }
    /**
     * The row's keys (primary, unique and foreign keys) and (when asked for) the whole row, kept to compare
     * with every other row's: repeats are logged after the last row (key-recheck.ts).
     */
    checkRepeats(cells, text, position) {
        const { keys, rowNumber } = this;
        const across = this.rowBase + rowNumber;
        keys.endRow(across);
        if (keys.primaryKeyEmpty)
            this.emptyPrimaryKey(position);
        if (keys.checksKeys)
            keys.endRowKeys(across);
        if (keys.checksRows)
            keys.addRow(cellsOf(cells, text), across);
    }
    emptyPrimaryKey(position) {
        this.log.add({
            code: 'primary-key',
            ...where(position),
            rowNumber: this.rowNumber,
            message: `primary key (${this.primaryKey.join(', ')}) is empty: no part has a valid value`
        }, orderOf(this.rowBase + this.rowNumber, RANK.primaryKey));
    }
    /** What a row's width is measured against: the fields (exact, by position), else the header. */
    widthWords(width) {
        return this.schema.fieldsMatch === 'exact'
            ? `the schema has ${width} fields`
            : `the header has ${width}`;
    }
    /** Cells past the columns' width: each has no column. */
    extraCells(cells, text, position, width) {
        const count = text ? text.count : cells.length;
        for (let k = width; k < count; k++) {
            this.log.add({
                code: 'extra-cell',
                line: position.fieldLines?.[k] ?? position.line,
                rowNumber: this.rowNumber,
                fieldNumber: k + 1,
                message: `row has ${count} cells but ${this.widthWords(width)}: cell ${k + 1} ${JSON.stringify(cellAt(cells, text, k))} has no column${spanNote(position)}`
            }, orderOf(this.rowBase + this.rowNumber, RANK.cell(k)));
        }
    }
    /**
     * A row short of the columns' width: each column past its end has no cell. As frictionless-py, a
     * required field's missing cell is also a constraint-error (all of those first).
     */
    missingCells(count, position, columns) {
        const width = columns.length;
        for (let k = count; k < width; k++) {
            const field = columns[k];
            if (field?.required)
                this.log.add({
                    code: 'constraint-error',
                    line: position.endLine ?? position.line,
                    rowGroup: position.rowGroup,
                    rowInGroup: position.rowInGroup,
                    rowNumber: this.rowNumber,
                    fieldNumber: k + 1,
                    field: field.name,
                    message: `field "${field.name}" is required; the row has no cell for it`
                }, orderOf(this.rowBase + this.rowNumber, RANK.cell(k)));
        }
        for (let k = count; k < width; k++) {
            const name = columns[k]?.name ?? this.labels[k];
            if (columns[k])
                this.nullCounts[name]++;
            this.log.add({
                code: 'missing-cell',
                line: position.endLine ?? position.line,
                rowGroup: position.rowGroup,
                rowInGroup: position.rowInGroup,
                rowNumber: this.rowNumber,
                fieldNumber: k + 1,
                field: name,
                message: `row has ${count} cells but ${this.widthWords(width)}: no cell for ${columns[k] ? `field "${name}"` : `column "${name}"`}${spanNote(position)}`
            }, orderOf(this.rowBase + this.rowNumber, RANK.cell(k)));
        }
    }
}

;// CONCATENATED MODULE: external "fs"
const external_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");
;// CONCATENATED MODULE: ./node_modules/hyparquet/src/node.js
/**
 * @import {AsyncBuffer} from '../src/types.js'
 */





/**
 * Construct an AsyncBuffer for a local file using node fs package.
 *
 * @param {string} filename
 * @returns {Promise<AsyncBuffer>}
 */
async function node_asyncBufferFromFile(filename) {
  const { size } = await external_fs_namespaceObject.promises.stat(filename)
  return {
    byteLength: size,
    slice(start, end) {
      if (start === end) return Promise.resolve(new ArrayBuffer(0))
      // read file slice (createReadStream end is inclusive)
      const reader = (0,external_fs_namespaceObject.createReadStream)(filename, { start, end: end === undefined ? undefined : end - 1 })
      return new Promise((resolve, reject) => {
        /** @type {any[]} */
        const chunks = []
        reader.on('data', chunk => chunks.push(chunk))
        reader.on('error', reject)
        reader.on('end', () => {
          const buffer = Buffer.concat(chunks)
          if (buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength) {
            resolve(buffer.buffer)
          } else {
            // small buffers share node's allocation pool
            resolve(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength))
          }
        })
      })
    },
  }
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-writer/src/bytewriter.js
/**
 * @import {Writer} from '../src/types.js'
 */

/**
 * Writes data to an auto-expanding ArrayBuffer.
 *
 * @implements {Writer}
 */
class bytewriter_ByteWriter {
  /**
   * @param {number} [initalSize]
   */
  constructor(initalSize = 1024) {
    this.buffer = new ArrayBuffer(initalSize)
    this.view = new DataView(this.buffer)
    this.offset = 0 // total bytes written
    this.index = 0 // index in buffer (may be reset when flushing to file)
  }

  /**
   * @param {number} size
   */
  ensure(size) {
    // auto-expanding buffer
    if (this.index + size > this.buffer.byteLength) {
      const newSize = Math.max(this.buffer.byteLength * 2, this.index + size)
      const newBuffer = new ArrayBuffer(newSize)
      // TODO: save buffers until later and merge once?
      new Uint8Array(newBuffer).set(new Uint8Array(this.buffer))
      this.buffer = newBuffer
      this.view = new DataView(this.buffer)
    }
  }

  finish() {
  }

  getBuffer() {
    return this.buffer.slice(0, this.index)
  }

  getBytes() {
    return new Uint8Array(this.buffer, 0, this.index)
  }

  /**
   * @param {number} value
   */
  appendUint8(value) {
    this.ensure(1)
    this.view.setUint8(this.index, value)
    this.offset++
    this.index++
  }

  /**
   * @param {number} value
   */
  appendUint32(value) {
    this.ensure(4)
    this.view.setUint32(this.index, value, true)
    this.offset += 4
    this.index += 4
  }

  /**
   * @param {number} value
   */
  appendInt32(value) {
    this.ensure(4)
    this.view.setInt32(this.index, value, true)
    this.offset += 4
    this.index += 4
  }

  /**
   * @param {bigint} value
   */
  appendInt64(value) {
    this.ensure(8)
    this.view.setBigInt64(this.index, BigInt(value), true)
    this.offset += 8
    this.index += 8
  }

  /**
   * @param {number} value
   */
  appendFloat32(value) {
    this.ensure(4)
    this.view.setFloat32(this.index, value, true)
    this.offset += 4
    this.index += 4
  }

  /**
   * @param {number} value
   */
  appendFloat64(value) {
    this.ensure(8)
    this.view.setFloat64(this.index, value, true)
    this.offset += 8
    this.index += 8
  }

  /**
   * @param {ArrayBuffer} value
   */
  appendBuffer(value) {
    this.appendBytes(new Uint8Array(value))
  }

  /**
   * @param {Uint8Array} value
   */
  appendBytes(value) {
    this.ensure(value.length)
    new Uint8Array(this.buffer, this.index, value.length).set(value)
    this.offset += value.length
    this.index += value.length
  }

  /**
   * Convert a 32-bit signed integer to varint (1-5 bytes).
   * Writes out groups of 7 bits at a time, setting high bit if more to come.
   *
   * @param {number} value
   */
  appendVarInt(value) {
    while (true) {
      if ((value & ~0x7f) === 0) {
        // fits in 7 bits
        this.appendUint8(value)
        return
      } else {
        // write 7 bits and set high bit
        this.appendUint8(value & 0x7f | 0x80)
        value >>>= 7
      }
    }
  }

  /**
   * Convert a bigint to varint (1-10 bytes for 64-bit range).
   *
   * @param {bigint} value
   */
  appendVarBigInt(value) {
    while (true) {
      if ((value & ~0x7fn) === 0n) {
        // fits in 7 bits
        this.appendUint8(Number(value))
        return
      } else {
        // write 7 bits and set high bit
        this.appendUint8(Number(value & 0x7fn | 0x80n))
        value >>= 7n
      }
    }
  }

  /**
   * Convert number to zigzag encoding and write as varint.
   *
   * @param {number | bigint} value
   */
  appendZigZag(value) {
    if (typeof value === 'number') {
      this.appendVarInt(value << 1 ^ value >> 31)
    } else {
      this.appendVarBigInt(value << 1n ^ value >> 63n)
    }
  }
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-writer/node_modules/hyparquet/src/xxhash.js
// XxHash64 (https://github.com/Cyan4973/xxHash/blob/dev/doc/xxhash_spec.md)
// Used by parquet bloom filters: hashes the PLAIN encoding of column values with seed 0.

const MASK = 0xffffffffffffffffn
const PRIME1 = 0x9e3779b185ebca87n
const PRIME2 = 0xc2b2ae3d27d4eb4fn
const PRIME3 = 0x165667b19e3779f9n
const PRIME4 = 0x85ebca77c2b2ae63n
const PRIME5 = 0x27d4eb2f165667c5n

/**
 * @param {bigint} x
 * @param {bigint} r rotation amount in bits (1..63)
 * @returns {bigint}
 */
function rotl64(x, r) {
  return (x << r | x >> 64n - r) & MASK
}

/**
 * @param {bigint} acc
 * @param {bigint} val
 * @returns {bigint}
 */
function round(acc, val) {
  acc = acc + val * PRIME2 & MASK
  acc = rotl64(acc, 31n)
  return acc * PRIME1 & MASK
}

/**
 * @param {bigint} acc
 * @param {bigint} val
 * @returns {bigint}
 */
function mergeRound(acc, val) {
  acc ^= round(0n, val)
  return acc * PRIME1 + PRIME4 & MASK
}

/**
 * Compute the 64-bit xxHash of a byte buffer.
 *
 * @param {Uint8Array} input
 * @param {bigint} [seed]
 * @returns {bigint} 64-bit hash
 */
function xxhash64(input, seed = 0n) {
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength)
  const len = input.byteLength
  let offset = 0
  let h64

  if (len >= 32) {
    let v1 = seed + PRIME1 + PRIME2 & MASK
    let v2 = seed + PRIME2 & MASK
    let v3 = seed
    let v4 = seed - PRIME1 & MASK

    while (offset + 32 <= len) {
      v1 = round(v1, view.getBigUint64(offset, true)); offset += 8
      v2 = round(v2, view.getBigUint64(offset, true)); offset += 8
      v3 = round(v3, view.getBigUint64(offset, true)); offset += 8
      v4 = round(v4, view.getBigUint64(offset, true)); offset += 8
    }

    h64 = rotl64(v1, 1n) + rotl64(v2, 7n) + rotl64(v3, 12n) + rotl64(v4, 18n) & MASK
    h64 = mergeRound(h64, v1)
    h64 = mergeRound(h64, v2)
    h64 = mergeRound(h64, v3)
    h64 = mergeRound(h64, v4)
  } else {
    h64 = seed + PRIME5 & MASK
  }

  h64 = h64 + BigInt(len) & MASK

  while (offset + 8 <= len) {
    h64 ^= round(0n, view.getBigUint64(offset, true))
    h64 = rotl64(h64, 27n) * PRIME1 + PRIME4 & MASK
    offset += 8
  }

  if (offset + 4 <= len) {
    h64 ^= BigInt(view.getUint32(offset, true)) * PRIME1 & MASK
    h64 = rotl64(h64, 23n) * PRIME2 + PRIME3 & MASK
    offset += 4
  }

  while (offset < len) {
    h64 ^= BigInt(view.getUint8(offset)) * PRIME5 & MASK
    h64 = rotl64(h64, 11n) * PRIME1 & MASK
    offset += 1
  }

  h64 ^= h64 >> 33n
  h64 = h64 * PRIME2 & MASK
  h64 ^= h64 >> 29n
  h64 = h64 * PRIME3 & MASK
  h64 ^= h64 >> 32n
  return h64
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-writer/node_modules/hyparquet/src/bloom.js
// Split Block Bloom Filter (https://github.com/apache/parquet-format/blob/master/BloomFilter.md)
// A bloom filter is a sequence of 32-byte blocks. Each block holds 8 little-endian uint32 words.
// Insertion sets one bit per word, chosen by salting the low 32 bits of an xxhash64.
// Membership requires all 8 bits to be set; misses are exact, hits are probabilistic.




/**
 * @import {BloomFilter, DataReader, ParquetQueryFilter, SchemaElement} from '../src/types.js'
 */

const textEncoder = new TextEncoder()

const SALT = new Uint32Array([
  0x47b6137b, 0x44974d91, 0x8824ad5b, 0xa2b7289d,
  0x705495c7, 0x2df1424b, 0x9efc4947, 0x5c6bfb31,
])

/**
 * Map the high 32 bits of a hash to a block index in [0, numBlocks).
 *
 * @param {bigint} hash
 * @param {number} numBlocks
 * @returns {number}
 */
function blockIndex(hash, numBlocks) {
  return Number((hash >> 32n) * BigInt(numBlocks) >> 32n)
}

/**
 * Per-block mask: 8 uint32 words, each with a single bit set at position `(low32 * SALT[i]) >> 27`.
 *
 * @param {bigint} hash
 * @returns {Uint32Array}
 */
function blockMask(hash) {
  const m = new Uint32Array(8)
  const low = Number(hash & 0xffffffffn) | 0
  for (let i = 0; i < 8; i++) {
    m[i] = 1 << (Math.imul(low, SALT[i]) >>> 27)
  }
  return m
}

/**
 * Insert a hash into a Split Block Bloom Filter.
 *
 * @param {Uint32Array} blocks bloom filter words (8 * numBlocks long)
 * @param {bigint} hash 64-bit xxhash of the parquet-plain-encoded value
 */
function sbbfInsert(blocks, hash) {
  const offset = blockIndex(hash, blocks.length >> 3) << 3
  const m = blockMask(hash)
  for (let i = 0; i < 8; i++) {
    blocks[offset + i] |= m[i]
  }
}

/**
 * Test whether a hash might be present in a Split Block Bloom Filter.
 * False positives are possible; false negatives are not.
 *
 * @param {Uint32Array} blocks bloom filter words (8 * numBlocks long)
 * @param {bigint} hash 64-bit xxhash of the parquet-plain-encoded value
 * @returns {boolean}
 */
function sbbfContains(blocks, hash) {
  const offset = blockIndex(hash, blocks.length >> 3) << 3
  const m = blockMask(hash)
  for (let i = 0; i < 8; i++) {
    if ((blocks[offset + i] & m[i]) === 0) return false
  }
  return true
}

/**
 * Parse a Split Block Bloom Filter from a reader positioned at the BloomFilterHeader.
 * Returns undefined when the header advertises an unsupported algorithm, hash, or
 * compression — callers should treat that as "cannot use this bloom filter."
 *
 * @param {DataReader} reader
 * @returns {BloomFilter | undefined}
 */
function readBloomFilter(reader) {
  const header = deserializeTCompactProtocol(reader)
  const numBytes = header.field_1
  if (typeof numBytes !== 'number' || numBytes <= 0 || numBytes % 32 !== 0) return undefined
  // BloomFilterAlgorithm / Hash / Compression are unions with a single supported variant each.
  if (!header.field_2?.field_1) return undefined // algorithm must be BLOCK
  if (!header.field_3?.field_1) return undefined // hash must be XXHASH
  if (!header.field_4?.field_1) return undefined // compression must be UNCOMPRESSED

  const { view, offset } = reader
  if (offset + numBytes > view.byteLength) {
    throw new Error(`parquet bloom filter truncated: need ${numBytes} bytes, have ${view.byteLength - offset}`)
  }
  // Reader offset is not 4-aligned in general, and we want endian-portable reads.
  const blocks = new Uint32Array(numBytes >> 2)
  for (let i = 0; i < blocks.length; i++) {
    blocks[i] = view.getUint32(offset + i * 4, true)
  }
  reader.offset = offset + numBytes
  return { numBytes, blocks }
}

/**
 * Hash a JS filter value as its parquet PLAIN-encoded bytes, suitable for a
 * bloom filter lookup. Returns undefined when the column's parser is lossy or
 * ambiguous (DATE, TIMESTAMP_*, DECIMAL, JSON, BSON, INT96, FLOAT16, UUID,
 * GEOMETRY, GEOGRAPHY, INTERVAL) or when the JS value type doesn't match the
 * column. Callers must treat undefined as "bloom filter cannot help."
 *
 * @param {any} value
 * @param {SchemaElement} element
 * @returns {bigint | undefined}
 */
function hashParquetValue(value, element) {
  if (value === null || value === undefined) return undefined
  const { type, converted_type, logical_type } = element

  if (type === 'BOOLEAN') {
    if (typeof value !== 'boolean') return undefined
    return xxhash64(new Uint8Array([value ? 1 : 0]))
  }

  if (type === 'FLOAT') {
    if (typeof value !== 'number') return undefined
    const buf = new ArrayBuffer(4)
    new DataView(buf).setFloat32(0, value, true)
    return xxhash64(new Uint8Array(buf))
  }

  if (type === 'DOUBLE') {
    if (typeof value !== 'number') return undefined
    const buf = new ArrayBuffer(8)
    new DataView(buf).setFloat64(0, value, true)
    return xxhash64(new Uint8Array(buf))
  }

  if (type === 'INT32') {
    if (converted_type === 'DATE' || converted_type === 'DECIMAL' || converted_type === 'TIME_MILLIS') return undefined
    if (logical_type?.type === 'DATE' || logical_type?.type === 'TIME' || logical_type?.type === 'DECIMAL') return undefined
    if (typeof value !== 'number' || !Number.isInteger(value)) return undefined
    const buf = new ArrayBuffer(4)
    new DataView(buf).setInt32(0, value | 0, true)
    return xxhash64(new Uint8Array(buf))
  }

  if (type === 'INT64') {
    if (converted_type === 'TIMESTAMP_MILLIS' || converted_type === 'TIMESTAMP_MICROS') return undefined
    if (converted_type === 'TIME_MICROS' || converted_type === 'DECIMAL') return undefined
    if (logical_type?.type === 'TIMESTAMP' || logical_type?.type === 'TIME' || logical_type?.type === 'DECIMAL') return undefined
    let bigValue
    if (typeof value === 'bigint') bigValue = value
    else if (typeof value === 'number' && Number.isSafeInteger(value)) bigValue = BigInt(value)
    else return undefined
    const buf = new ArrayBuffer(8)
    new DataView(buf).setBigUint64(0, BigInt.asUintN(64, bigValue), true)
    return xxhash64(new Uint8Array(buf))
  }

  if (type === 'BYTE_ARRAY') {
    if (converted_type === 'JSON' || converted_type === 'BSON' || converted_type === 'DECIMAL') return undefined
    if (logical_type?.type === 'JSON' || logical_type?.type === 'BSON' || logical_type?.type === 'VARIANT') return undefined
    if (logical_type?.type === 'GEOMETRY' || logical_type?.type === 'GEOGRAPHY') return undefined
    if (typeof value === 'string') return xxhash64(textEncoder.encode(value))
    if (value instanceof Uint8Array) return xxhash64(value)
    return undefined
  }

  if (type === 'FIXED_LEN_BYTE_ARRAY') {
    if (converted_type === 'DECIMAL' || converted_type === 'INTERVAL') return undefined
    if (logical_type?.type === 'DECIMAL' || logical_type?.type === 'UUID' || logical_type?.type === 'FLOAT16') return undefined
    if (logical_type?.type === 'GEOMETRY' || logical_type?.type === 'GEOGRAPHY') return undefined
    if (value instanceof Uint8Array) return xxhash64(value)
    return undefined
  }

  // INT96 deprecated, or type missing on group columns
  return undefined
}

/**
 * Top-level column names that appear in $eq or $in predicates within a filter.
 * These are the only columns where a bloom filter can prove a value's absence
 * and let us skip a row group; any other operator can't be helped by a bloom.
 *
 * @param {ParquetQueryFilter | undefined} filter
 * @returns {Set<string>}
 */
function bloomEligibleColumns(filter) {
  /** @type {Set<string>} */
  const out = new Set()
  walkBloomEligible(filter, out)
  return out
}

/**
 * @param {ParquetQueryFilter | undefined} filter
 * @param {Set<string>} out
 */
function walkBloomEligible(filter, out) {
  if (!filter) return
  if ('$and' in filter && Array.isArray(filter.$and)) {
    for (const sub of filter.$and) walkBloomEligible(sub, out)
    return
  }
  if ('$or' in filter && Array.isArray(filter.$or)) {
    for (const sub of filter.$or) walkBloomEligible(sub, out)
    return
  }
  // $nor would need to prove presence, not absence — bloom can't help.
  if ('$nor' in filter) return
  for (const [field, condition] of Object.entries(filter)) {
    if (field.startsWith('$')) continue
    if (typeof condition === 'object' && condition !== null && !Array.isArray(condition)) {
      if ('$eq' in condition || '$in' in condition) out.add(field)
    } else {
      // primitive / null / array condition is an implicit $eq
      out.add(field)
    }
  }
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-writer/src/thrift.js
/**
 * @import {ThriftField, ThriftType, Writer} from '../src/types.js'
 */

// TCompactProtocol types
const thrift_STOP = 0
const thrift_TRUE = 1
const thrift_FALSE = 2
const thrift_BYTE = 3
const thrift_I32 = 5
const thrift_I64 = 6
const thrift_DOUBLE = 7
const thrift_BINARY = 8
const thrift_LIST = 9
const thrift_STRUCT = 12

/** A Thrift struct whose field ids and Compact Protocol types are already resolved. */
class ThriftStruct {
  /**
   * @param {ThriftField[]} fields
   */
  constructor(fields) {
    this.fields = fields
  }
}

/**
 * Serialize a JS object in TCompactProtocol format.
 *
 * Expects keys named like "field_1", "field_2", etc. in ascending order.
 *
 * @param {Writer} writer
 * @param {{ [key: `field_${number}`]: any }} data
 */
function serializeTCompactProtocol(writer, data) {
  writeElement(writer, thrift_STRUCT, data)
}

/**
 * Write a single value of a given compact type.
 *
 * @param {Writer} writer
 * @param {number} type
 * @param {ThriftType} value
 */
function writeElement(writer, type, value) {
  // true/false is stored in the type
  if (type === thrift_TRUE) return
  if (type === thrift_FALSE) return
  if (type === thrift_BYTE && typeof value === 'number') {
    writer.appendUint8(value)
  } else if (type === thrift_I32 && typeof value === 'number') {
    writer.appendZigZag(value)
  } else if (type === thrift_I64 && typeof value === 'bigint') {
    writer.appendZigZag(value)
  } else if (type === thrift_DOUBLE && typeof value === 'number') {
    writer.appendFloat64(value)
  } else if (type === thrift_BINARY && typeof value === 'string') {
    // store length as a varint, then raw bytes
    const bytes = new TextEncoder().encode(value)
    writer.appendVarInt(bytes.length)
    writer.appendBytes(bytes)
  } else if (type === thrift_BINARY && value instanceof Uint8Array) {
    // store length as a varint, then raw bytes
    writer.appendVarInt(value.byteLength)
    writer.appendBytes(value)
  } else if (type === thrift_LIST && Array.isArray(value)) {
    // Guess the element type from the first element
    const elemType = getCompactTypeForList(value)

    // Header: size << 4 | elementType
    if (value.length > 14) {
      writer.appendUint8(15 << 4 | elemType)
      writer.appendVarInt(value.length)
    } else {
      writer.appendUint8(value.length << 4 | elemType)
    }

    if (elemType === thrift_FALSE) {
      // Special case for boolean list
      for (const v of value) {
        writer.appendUint8(v ? 1 : 0)
      }
    } else {
      for (const v of value) {
        writeElement(writer, elemType, v)
      }
    }
  } else if (type === thrift_STRUCT && value instanceof ThriftStruct) {
    // Field ids and types were explicitly provided by the metadata conversion.
    let lastFid = 0
    for (const [fid, fieldType, fieldValue] of value.fields) {
      if (fieldValue === undefined) continue
      lastFid = writeStructField(writer, lastFid, fid, fieldType, fieldValue)
    }
    writer.appendUint8(thrift_STOP)
  } else if (type === thrift_STRUCT && typeof value === 'object') {
    // write struct fields
    let lastFid = 0
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue

      const fid = parseInt(k.replace(/^field_/, ''), 10)
      if (Number.isNaN(fid)) {
        throw new Error(`thrift invalid field name: ${k}. Expected "field_###"`)
      }
      const t = getCompactTypeForValue(v)
      lastFid = writeStructField(writer, lastFid, fid, t, v)
    }
    // end struct
    writer.appendUint8(thrift_STOP)
  } else {
    throw new Error(`thrift invalid type ${type} for value ${value}`)
  }
}

/**
 * @param {Writer} writer
 * @param {number} lastFid
 * @param {number} fid
 * @param {number} type
 * @param {ThriftType} value
 * @returns {number}
 */
function writeStructField(writer, lastFid, fid, type, value) {
  const delta = fid - lastFid
  if (delta <= 0) {
    throw new Error(`thrift non-monotonic field id: fid=${fid}, lastFid=${lastFid}`)
  }
  if (delta > 15) {
    writer.appendUint8(type)
    writer.appendZigZag(fid)
  } else {
    writer.appendUint8(delta << 4 | type)
  }
  writeElement(writer, type, value)
  return fid
}

/**
 * Infer type from JS value
 *
 * @param {any} value
 * @returns {number} CompactType
 */
function getCompactTypeForValue(value) {
  if (value === true) return thrift_TRUE
  if (value === false) return thrift_FALSE
  if (Number.isInteger(value)) return thrift_I32
  if (typeof value === 'number') return thrift_DOUBLE
  if (typeof value === 'bigint') return thrift_I64
  if (typeof value === 'string') return thrift_BINARY
  if (value instanceof Uint8Array) return thrift_BINARY
  if (Array.isArray(value)) return thrift_LIST
  if (value && typeof value === 'object') return thrift_STRUCT
  throw new Error(`Cannot determine thrift compact type for: ${value}`)
}

/**
 * Infer type for list elements, expand types as needed
 *
 * @param {any[]} value
 * @returns {number} CompactType
 */
function getCompactTypeForList(value) {
  let elemType = 0
  for (const v of value) {
    let t = getCompactTypeForValue(v)
    if (t === thrift_TRUE) t = thrift_FALSE // booleans map to FALSE
    if (!elemType) elemType = t // first element
    if (elemType === thrift_DOUBLE && t === thrift_I32) t = thrift_DOUBLE // expand int to float
    if (elemType === thrift_I32 && t === thrift_DOUBLE) elemType = thrift_DOUBLE // expand int to float
    if (t !== elemType) {
      throw new Error(`thrift invalid type for list element: ${v} (expected type ${elemType})`)
    }
  }
  return elemType ?? thrift_BYTE // BYTE for empty list
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-writer/src/bloom.js
// Split Block Bloom Filter (https://github.com/apache/parquet-format/blob/master/BloomFilter.md)
// A bloom filter is a sequence of 32-byte blocks. Each block holds 8 little-endian uint32 words.
// Insertion sets one bit per word, chosen by salting the low 32 bits of an xxhash64.
// Membership requires all 8 bits to be set; misses are exact, hits are probabilistic.




/**
 * @import {SchemaElement} from 'hyparquet'
 * @import {PageIndexes, Writer} from '../src/types.js'
 */

const bloom_SALT = new Uint32Array([
  0x47b6137b, 0x44974d91, 0x8824ad5b, 0xa2b7289d,
  0x705495c7, 0x2df1424b, 0x9efc4947, 0x5c6bfb31,
])

const MIN_BYTES = 32 // one block
const MAX_BYTES = 128 * 1024 * 1024 // parquet-mr default cap

/**
 * Map the high 32 bits of a hash to a block index in [0, numBlocks).
 *
 * @param {bigint} hash
 * @param {number} numBlocks
 * @returns {number}
 */
function bloom_blockIndex(hash, numBlocks) {
  return Number((hash >> 32n) * BigInt(numBlocks) >> 32n)
}

/**
 * Per-block mask: 8 uint32 words, each with a single bit set at position `(low32 * SALT[i]) >> 27`.
 *
 * @param {bigint} hash
 * @returns {Uint32Array}
 */
function bloom_blockMask(hash) {
  const m = new Uint32Array(8)
  const low = Number(hash & 0xffffffffn) | 0
  for (let i = 0; i < 8; i++) {
    m[i] = 1 << (Math.imul(low, bloom_SALT[i]) >>> 27)
  }
  return m
}

/**
 * Insert a hash into a Split Block Bloom Filter.
 *
 * @param {Uint32Array} blocks bloom filter words (8 * numBlocks long)
 * @param {bigint} hash 64-bit xxhash of the parquet-plain-encoded value
 */
function bloom_sbbfInsert(blocks, hash) {
  const offset = bloom_blockIndex(hash, blocks.length >> 3) << 3
  const m = bloom_blockMask(hash)
  for (let i = 0; i < 8; i++) {
    blocks[offset + i] |= m[i]
  }
}

/**
 * Test whether a hash might be present in a Split Block Bloom Filter.
 * False positives are possible; false negatives are not.
 *
 * @param {Uint32Array} blocks bloom filter words (8 * numBlocks long)
 * @param {bigint} hash 64-bit xxhash of the parquet-plain-encoded value
 * @returns {boolean}
 */
function bloom_sbbfContains(blocks, hash) {
  const offset = bloom_blockIndex(hash, blocks.length >> 3) << 3
  const m = bloom_blockMask(hash)
  for (let i = 0; i < 8; i++) {
    if ((blocks[offset + i] & m[i]) === 0) return false
  }
  return true
}

/**
 * Round up to the next power of two (32-bit).
 *
 * @param {number} n
 * @returns {number}
 */
function nextPowerOfTwo(n) {
  let p = 1
  while (p < n) p <<= 1
  return p
}

/**
 * Optimal SBBF size in bytes for a given number of distinct values and
 * target false-positive probability. Matches parquet-java's BlockSplitBloomFilter:
 * derives bits from m = -8 * ndv / ln(1 - p^(1/8)) and rounds up to a power of two
 * between one block and MAX_BYTES. Arrow C++ rejects a bitset that is not a power of two.
 *
 * @param {number} ndv expected number of distinct values
 * @param {number} fpp target false positive probability, in (0, 1)
 * @returns {number} bloom filter size in bytes (power of two, at least 32)
 */
function optimalNumBytes(ndv, fpp) {
  if (!(fpp > 0 && fpp < 1)) throw new Error(`bloom filter fpp must be in (0, 1), got ${fpp}`)
  if (!(ndv >= 0)) throw new Error(`bloom filter ndv must be >= 0, got ${ndv}`)
  const m = -8 * ndv / Math.log(1 - fpp ** (1 / 8))
  const numBytes = Math.ceil(m / 8)
  if (!(numBytes <= MAX_BYTES)) return MAX_BYTES
  return nextPowerOfTwo(Math.max(numBytes, MIN_BYTES))
}

/**
 * Allocate a zeroed Split Block Bloom Filter sized for the given NDV and FPP.
 *
 * @param {number} ndv expected number of distinct values
 * @param {number} [fpp] target false positive probability, default 0.01
 * @returns {Uint32Array} blocks (numBytes / 4 uint32 words)
 */
function createBloomFilter(ndv, fpp = 0.01) {
  const numBytes = optimalNumBytes(ndv, fpp)
  return new Uint32Array(numBytes >> 2)
}

/**
 * Collects distinct hashes of column values and finalizes them into an SBBF
 * sized for the actual distinct count. `finalize` returns `undefined` if any
 * non-null value was unhashable (the filter would have false negatives), if
 * no values were seen, or if `maxBytes` is below one block. Above `maxBytes`
 * the filter is capped at the largest power of two that fits, like parquet-java.
 */
class BloomBuilder {
  /**
   * @param {SchemaElement} element
   * @param {{ fpp?: number, maxBytes?: number }} [options]
   */
  constructor(element, { fpp = 0.01, maxBytes = 1024 * 1024 } = {}) {
    /** @type {SchemaElement} */
    this.element = element
    this.fpp = fpp
    this.maxBytes = maxBytes
    /** @type {Set<bigint>} */
    this.hashes = new Set()
    this.skipped = 0
  }

  /** @param {any} value */
  insert(value) {
    if (value === null || value === undefined) return
    const h = hashParquetValue(value, this.element)
    if (h === undefined) {
      this.skipped++
      return
    }
    this.hashes.add(h)
  }

  /** @returns {Uint32Array | undefined} */
  finalize() {
    if (this.skipped > 0 || this.hashes.size === 0) return undefined
    let numBytes = optimalNumBytes(this.hashes.size, this.fpp)
    while (numBytes > this.maxBytes && numBytes > MIN_BYTES) numBytes >>= 1
    if (numBytes > this.maxBytes) return undefined
    const blocks = new Uint32Array(numBytes >> 2)
    for (const h of this.hashes) bloom_sbbfInsert(blocks, h)
    return blocks
  }
}

/**
 * Write a parquet bloom filter: BloomFilterHeader thrift struct followed by
 * the raw little-endian bytes of the SBBF blocks. Always uses BLOCK / XXHASH /
 * UNCOMPRESSED, the only variants parquet currently defines.
 *
 * @param {Writer} writer
 * @param {Uint32Array} blocks bloom filter words (8 * numBlocks long)
 */
function writeBloomFilter(writer, blocks) {
  if (blocks.length % 8 !== 0) {
    throw new Error(`bloom filter block count must be a multiple of 8 uint32 words, got ${blocks.length}`)
  }
  serializeTCompactProtocol(writer, {
    field_1: blocks.byteLength, // numBytes
    field_2: { field_1: {} }, // algorithm: SplitBlockAlgorithm
    field_3: { field_1: {} }, // hash: XxHash
    field_4: { field_1: {} }, // compression: Uncompressed
  })
  for (let i = 0; i < blocks.length; i++) {
    writer.appendUint32(blocks[i])
  }
}

/**
 * Write all pending bloom filters in a contiguous block and patch each chunk's
 * meta_data.bloom_filter_offset / bloom_filter_length so readers can find them.
 * Clustering matches parquet-mr's tail placement: a reader fetching the footer
 * region can pull every bloom in one range request.
 *
 * @param {Writer} writer
 * @param {PageIndexes[]} pageIndexes
 */
function writeBlooms(writer, pageIndexes) {
  for (const { chunk, bloomFilter } of pageIndexes) {
    if (!bloomFilter || !chunk.meta_data) continue
    const offset = writer.offset
    writeBloomFilter(writer, bloomFilter)
    chunk.meta_data.bloom_filter_offset = BigInt(offset)
    chunk.meta_data.bloom_filter_length = writer.offset - offset
  }
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-writer/node_modules/hyparquet/src/constants.js

/** @type {import('../src/types.d.ts').ParquetType[]} */
const src_constants_ParquetTypes = [
  'BOOLEAN',
  'INT32',
  'INT64',
  'INT96', // deprecated
  'FLOAT',
  'DOUBLE',
  'BYTE_ARRAY',
  'FIXED_LEN_BYTE_ARRAY',
]

/** @type {import('../src/types.d.ts').Encoding[]} */
const src_constants_Encodings = [
  'PLAIN',
  'GROUP_VAR_INT', // deprecated
  'PLAIN_DICTIONARY',
  'RLE',
  'BIT_PACKED', // deprecated
  'DELTA_BINARY_PACKED',
  'DELTA_LENGTH_BYTE_ARRAY',
  'DELTA_BYTE_ARRAY',
  'RLE_DICTIONARY',
  'BYTE_STREAM_SPLIT',
]

/** @type {import('../src/types.d.ts').FieldRepetitionType[]} */
const src_constants_FieldRepetitionTypes = [
  'REQUIRED',
  'OPTIONAL',
  'REPEATED',
]

/** @type {import('../src/types.d.ts').ConvertedType[]} */
const src_constants_ConvertedTypes = [
  'UTF8',
  'MAP',
  'MAP_KEY_VALUE',
  'LIST',
  'ENUM',
  'DECIMAL',
  'DATE',
  'TIME_MILLIS',
  'TIME_MICROS',
  'TIMESTAMP_MILLIS',
  'TIMESTAMP_MICROS',
  'UINT_8',
  'UINT_16',
  'UINT_32',
  'UINT_64',
  'INT_8',
  'INT_16',
  'INT_32',
  'INT_64',
  'JSON',
  'BSON',
  'INTERVAL',
]

/** @type {import('../src/types.d.ts').CompressionCodec[]} */
const src_constants_CompressionCodecs = [
  'UNCOMPRESSED',
  'SNAPPY',
  'GZIP',
  'LZO',
  'BROTLI',
  'LZ4',
  'ZSTD',
  'LZ4_RAW',
]

/** @type {import('../src/types.d.ts').PageType[]} */
const src_constants_PageTypes = [
  'DATA_PAGE',
  'INDEX_PAGE',
  'DICTIONARY_PAGE',
  'DATA_PAGE_V2',
]

/** @type {import('../src/types.d.ts').BoundaryOrder[]} */
const constants_BoundaryOrders = [
  'UNORDERED',
  'ASCENDING',
  'DESCENDING',
]

/** @type {import('../src/types.d.ts').EdgeInterpolationAlgorithm[]} */
const src_constants_EdgeInterpolationAlgorithms = [
  'SPHERICAL',
  'VINCENTY',
  'THOMAS',
  'ANDOYER',
  'KARNEY',
]

;// CONCATENATED MODULE: ./node_modules/hyparquet-writer/src/delta.js
/**
 * Delta Binary Packed encoding for parquet.
 * Encodes integers as deltas with variable bit-width packing.
 *
 * @import {DecodedArray} from 'hyparquet'
 * @import {Writer} from '../src/types.js'
 */

const BLOCK_SIZE = 128
const MINIBLOCKS_PER_BLOCK = 4
const VALUES_PER_MINIBLOCK = BLOCK_SIZE / MINIBLOCKS_PER_BLOCK // 32

/**
 * Write values using delta binary packed encoding.
 * Deltas wrap around in two's complement at the width of the physical type.
 *
 * @param {Writer} writer
 * @param {DecodedArray} values
 * @param {'INT32' | 'INT64'} type
 */
function deltaBinaryPack(writer, values, type) {
  if (values.length === 0) {
    // Write header with zero count
    writer.appendVarInt(BLOCK_SIZE)
    writer.appendVarInt(MINIBLOCKS_PER_BLOCK)
    writer.appendVarInt(0)
    writer.appendVarInt(0)
    return
  }
  if (typeof values[0] !== 'number' && typeof values[0] !== 'bigint') {
    throw new Error('deltaBinaryPack only supports number or bigint arrays')
  }

  if (usesInt32NumberPath(values)) {
    deltaBinaryPackInt32(writer, values, type === 'INT32')
  } else {
    deltaBinaryPackBigInt(writer, values, type === 'INT32' ? 32 : 64)
  }
}

/**
 * Return whether all values can use exact Number arithmetic. Unwrapped deltas
 * of int32 values can span 33 signed bits, but they and their adjusted deltas
 * remain exactly representable as JavaScript numbers.
 *
 * @param {DecodedArray} values
 * @returns {values is DecodedArray & ArrayLike<number>}
 */
function usesInt32NumberPath(values) {
  if (values instanceof Int32Array) return true
  for (let i = 0; i < values.length; i++) {
    const value = values[i]
    if (typeof value !== 'number' || value !== (value | 0)) return false
  }
  return true
}

/**
 * Write signed 32-bit values without allocating or operating on BigInts.
 *
 * @param {Writer} writer
 * @param {ArrayLike<number>} values
 * @param {boolean} wrap - wrap deltas to int32, for the INT32 physical type
 */
function deltaBinaryPackInt32(writer, values, wrap) {
  const count = values.length

  // Write header
  writer.appendVarInt(BLOCK_SIZE)
  writer.appendVarInt(MINIBLOCKS_PER_BLOCK)
  writer.appendVarInt(count)
  appendZigZagNumber(writer, values[0])

  // Process blocks
  /** @type {Array<Uint8Array | undefined>} */
  const packedByBitWidth = []
  const blockDeltas = new Float64Array(BLOCK_SIZE)
  const bitWidths = new Uint8Array(MINIBLOCKS_PER_BLOCK)
  let index = 1
  while (index < count) {
    const blockEnd = Math.min(index + BLOCK_SIZE, count)
    const blockSize = blockEnd - index

    // Constant-delta blocks have no packed payload or miniblock widths to scan.
    const firstDelta = wrap ? values[index] - values[index - 1] | 0 : values[index] - values[index - 1]
    let previous = values[index]
    let constantEnd = index + 1
    while (constantEnd < blockEnd) {
      const value = values[constantEnd]
      if ((wrap ? value - previous | 0 : value - previous) !== firstDelta) break
      previous = value
      constantEnd++
    }
    if (constantEnd === blockEnd) {
      appendZigZagNumber(writer, firstDelta)
      writer.appendUint32(0) // four zero-width miniblocks
      index = blockEnd
      continue
    }

    // Compute deltas for this block
    // Unwrapped, adjacent INT32 extremes differ by 4,294,967,295, so Int32Array
    // is not sufficient even though every input value is a signed 32-bit integer.
    let minDelta = firstDelta
    blockDeltas[0] = minDelta
    for (let i = 1; i < blockSize; i++) {
      const delta = wrap ? values[index + i] - values[index + i - 1] | 0 : values[index + i] - values[index + i - 1]
      blockDeltas[i] = delta
      if (delta < minDelta) minDelta = delta
    }
    appendZigZagNumber(writer, minDelta)

    // Calculate bit widths for each miniblock
    for (let mb = 0; mb < MINIBLOCKS_PER_BLOCK; mb++) {
      const mbStart = mb * VALUES_PER_MINIBLOCK
      const mbEnd = Math.min(mbStart + VALUES_PER_MINIBLOCK, blockSize)

      let maxAdjusted = 0
      for (let i = mbStart; i < mbEnd; i++) {
        const adjusted = blockDeltas[i] - minDelta
        if (adjusted > maxAdjusted) maxAdjusted = adjusted
      }
      bitWidths[mb] = bitWidthNumber(maxAdjusted)
    }

    // Write bit widths
    writer.appendBytes(bitWidths)

    // Write packed miniblocks
    for (let mb = 0; mb < MINIBLOCKS_PER_BLOCK; mb++) {
      const bitWidth = bitWidths[mb]
      if (bitWidth === 0) continue // No data needed for zero bit width

      const mbStart = mb * VALUES_PER_MINIBLOCK
      const mbEnd = Math.min(mbStart + VALUES_PER_MINIBLOCK, blockSize)

      // Bit pack into a reusable miniblock buffer, then append it in one call.
      // There are always 32 values including padding, so the byte length is
      // exactly bitWidth * 4.
      const packed = packedByBitWidth[bitWidth] ??= new Uint8Array(bitWidth * 4)
      let byteIndex = 0
      let buffer = 0
      let bitsUsed = 0
      if (bitWidth <= 25) {
        // Up to 25 data bits plus at most 7 pending bits fit in the 32-bit
        // bitwise operations, which are faster than arithmetic packing.
        for (let i = 0; i < VALUES_PER_MINIBLOCK; i++) {
          const adjusted = mbStart + i < mbEnd ? blockDeltas[mbStart + i] - minDelta : 0
          buffer |= adjusted << bitsUsed
          bitsUsed += bitWidth
          while (bitsUsed >= 8) {
            packed[byteIndex++] = buffer & 0xff
            buffer >>>= 8
            bitsUsed -= 8
          }
        }
      } else {
        for (let i = 0; i < VALUES_PER_MINIBLOCK; i++) {
          const adjusted = mbStart + i < mbEnd ? blockDeltas[mbStart + i] - minDelta : 0
          // bitsUsed is below 8 at the start of each iteration. The largest
          // adjusted INT32 delta is below 2^33, so this stays below 2^40 and is
          // exactly representable by Number.
          buffer += adjusted * 2 ** bitsUsed
          bitsUsed += bitWidth
          while (bitsUsed >= 8) {
            packed[byteIndex++] = buffer % 0x100
            buffer = Math.floor(buffer / 0x100)
            bitsUsed -= 8
          }
        }
      }
      writer.appendBytes(packed)
      // assert(bitsUsed === 0) // because multiple of 8
    }

    index = blockEnd
  }
}

/**
 * BigInt fallback for INT64 values and numeric input outside the INT32 range.
 *
 * @param {Writer} writer
 * @param {DecodedArray} values
 * @param {number} bits - physical type width that deltas wrap at
 */
function deltaBinaryPackBigInt(writer, values, bits) {
  const count = values.length

  // Write header
  writer.appendVarInt(BLOCK_SIZE)
  writer.appendVarInt(MINIBLOCKS_PER_BLOCK)
  writer.appendVarInt(count)
  writer.appendZigZag(BigInt.asIntN(bits, BigInt(values[0])))

  // Process blocks
  const blockDeltas = new BigInt64Array(BLOCK_SIZE)
  const bitWidths = new Uint8Array(MINIBLOCKS_PER_BLOCK)
  let index = 1
  while (index < count) {
    const blockEnd = Math.min(index + BLOCK_SIZE, count)
    const blockSize = blockEnd - index

    // Compute deltas for this block
    // BigInt64Array wraps stored deltas to int64, so read them back
    let minDelta = 0n
    for (let i = 0; i < blockSize; i++) {
      blockDeltas[i] = BigInt(values[index + i]) - BigInt(values[index + i - 1])
      if (bits === 32) blockDeltas[i] = BigInt.asIntN(32, blockDeltas[i])
      const delta = blockDeltas[i]
      if (i === 0 || delta < minDelta) minDelta = delta
    }
    writer.appendZigZag(minDelta)

    // Calculate bit widths for each miniblock
    for (let mb = 0; mb < MINIBLOCKS_PER_BLOCK; mb++) {
      const mbStart = mb * VALUES_PER_MINIBLOCK
      const mbEnd = Math.min(mbStart + VALUES_PER_MINIBLOCK, blockSize)

      let maxAdjusted = 0n
      for (let i = mbStart; i < mbEnd; i++) {
        const adjusted = blockDeltas[i] - minDelta
        if (adjusted > maxAdjusted) maxAdjusted = adjusted
      }
      bitWidths[mb] = delta_bitWidth(maxAdjusted)
    }

    // Write bit widths
    writer.appendBytes(bitWidths)

    // Write packed miniblocks
    for (let mb = 0; mb < MINIBLOCKS_PER_BLOCK; mb++) {
      const bitWidth = bitWidths[mb]
      if (bitWidth === 0) continue // No data needed for zero bit width

      const mbStart = mb * VALUES_PER_MINIBLOCK
      const mbEnd = Math.min(mbStart + VALUES_PER_MINIBLOCK, blockSize)

      // Bit pack the adjusted deltas
      let buffer = 0n
      let bitsUsed = 0

      for (let i = 0; i < VALUES_PER_MINIBLOCK; i++) {
        const adjusted = mbStart + i < mbEnd ? blockDeltas[mbStart + i] - minDelta : 0n
        buffer |= adjusted << BigInt(bitsUsed)
        bitsUsed += bitWidth

        // Flush complete bytes
        while (bitsUsed >= 8) {
          writer.appendUint8(Number(buffer & 0xffn))
          buffer >>= 8n
          bitsUsed -= 8
        }
      }
      // assert(bitsUsed === 0) // because multiple of 8
    }

    index = blockEnd
  }
}

/**
 * Zigzag-encode an exactly represented integer and write it as a varint without
 * truncating through JavaScript's 32-bit bitwise operators.
 *
 * @param {Writer} writer
 * @param {number} value
 */
function appendZigZagNumber(writer, value) {
  let encoded = value < 0 ? -value * 2 - 1 : value * 2
  while (encoded >= 0x80) {
    writer.appendUint8(encoded % 0x80 + 0x80)
    encoded = Math.floor(encoded / 0x80)
  }
  writer.appendUint8(encoded)
}

/**
 * Minimum bits needed to store an adjusted INT32 delta.
 *
 * @param {number} value
 * @returns {number}
 */
function bitWidthNumber(value) {
  if (value === 0) return 0
  return value > 0xffffffff ? 33 : 32 - Math.clz32(value)
}

/**
 * Write byte arrays using delta length encoding.
 * Encodes lengths using delta binary packed, then writes raw bytes.
 *
 * @param {Writer} writer
 * @param {DecodedArray} values
 */
function delta_deltaLengthByteArray(writer, values) {
  // Extract lengths
  const lengths = new Int32Array(values.length)
  for (let i = 0; i < values.length; i++) {
    const value = values[i]
    if (!(value instanceof Uint8Array)) {
      throw new Error('deltaLengthByteArray expects Uint8Array values')
    }
    lengths[i] = value.length
  }

  // Write delta-packed lengths
  deltaBinaryPack(writer, lengths, 'INT32')

  // Write raw byte data
  for (const value of values) {
    writer.appendBytes(value)
  }
}

/**
 * Write byte arrays using delta encoding with prefix compression.
 * Stores common prefixes with previous value to improve compression.
 *
 * @param {Writer} writer
 * @param {DecodedArray} values
 */
function delta_deltaByteArray(writer, values) {
  if (values.length === 0) {
    deltaBinaryPack(writer, [], 'INT32')
    deltaBinaryPack(writer, [], 'INT32')
    return
  }

  // Calculate prefix and suffix lengths. Write suffix bytes in a second pass
  // to avoid allocating one subarray view for every value.
  const prefixLengths = new Int32Array(values.length)
  const suffixLengths = new Int32Array(values.length)

  // First value has no prefix
  const value = values[0]
  if (!(value instanceof Uint8Array)) {
    throw new Error('deltaByteArray expects Uint8Array values')
  }
  prefixLengths[0] = 0
  suffixLengths[0] = value.length

  for (let i = 1; i < values.length; i++) {
    const prev = values[i - 1]
    const curr = values[i]

    // Find common prefix length
    let prefixLen
    if (curr === prev) {
      // Reused byte arrays are common in dictionary-like columns. Identity
      // proves the entire value is a prefix without scanning its bytes.
      prefixLen = curr.length
    } else {
      if (!(curr instanceof Uint8Array)) {
        throw new Error('deltaByteArray expects Uint8Array values')
      }
      prefixLen = 0
      const maxPrefix = Math.min(prev.length, curr.length)
      while (prefixLen < maxPrefix && prev[prefixLen] === curr[prefixLen]) {
        prefixLen++
      }
    }

    prefixLengths[i] = prefixLen
    suffixLengths[i] = curr.length - prefixLen
  }

  // Write delta-packed prefix lengths
  deltaBinaryPack(writer, prefixLengths, 'INT32')

  // Write delta-packed suffix lengths
  deltaBinaryPack(writer, suffixLengths, 'INT32')

  // Write suffix bytes
  for (let i = 0; i < values.length; i++) {
    if (suffixLengths[i] > 0) {
      writer.appendBytes(values[i].subarray(prefixLengths[i]))
    }
  }
}

/**
 * Minimum bits needed to store value.
 *
 * @param {bigint} value
 * @returns {number}
 */
function delta_bitWidth(value) {
  if (value === 0n) return 0
  let bits = 0
  while (value > 0n) {
    bits++
    value >>= 1n
  }
  return bits
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-writer/src/encoding.js
/**
 * @import {DecodedArray} from 'hyparquet'
 * @import {Writer} from '../src/types.js'
 */

/**
 * @param {Writer} writer
 * @param {DecodedArray} values
 * @param {number} bitWidth
 * @returns {number} bytes written
 */
function writeRleBitPackedHybrid(writer, values, bitWidth) {
  const offsetStart = writer.offset
  let pendingBitPackedGroups = 0
  let bitPackedStart = 0
  let i = 0

  while (i < values.length) {
    // Try to write RLE runs of 8+ values
    let rleCount = 1
    const firstVal = values[i]
    while (i + rleCount < values.length && values[i + rleCount] === firstVal) {
      rleCount++
    }
    if (rleCount >= 8) {
      // Flush pending bit-packed groups
      if (pendingBitPackedGroups) {
        writeBitPackedGroups(writer, values, bitPackedStart, pendingBitPackedGroups, bitWidth)
        pendingBitPackedGroups = 0
      }

      // Write RLE run
      writeRleRun(writer, firstVal, rleCount, bitWidth)
      i += rleCount
    } else {
      // Add to pending bit-packed groups
      if (pendingBitPackedGroups === 0) {
        bitPackedStart = i
      }
      pendingBitPackedGroups++
      i += 8
    }
  }

  // Flush remaining
  if (pendingBitPackedGroups) {
    writeBitPackedGroups(writer, values, bitPackedStart, pendingBitPackedGroups, bitWidth)
  }

  return writer.offset - offsetStart
}

/**
 * Write a single RLE run: a repeated value and its count.
 *
 * @param {Writer} writer
 * @param {number} value
 * @param {number} count
 * @param {number} bitWidth
 */
function writeRleRun(writer, value, count, bitWidth) {
  writer.appendVarInt(count << 1) // rle header
  const width = bitWidth + 7 >> 3
  for (let j = 0; j < width; j++) {
    writer.appendUint8(value >> (j << 3) & 0xff)
  }
}

/**
 * Write consecutive bit-packed groups of 8 values each.
 *
 * @param {Writer} writer
 * @param {DecodedArray} values
 * @param {number} start index of first value
 * @param {number} numGroups number of 8-value groups
 * @param {number} bitWidth
 */
function writeBitPackedGroups(writer, values, start, numGroups, bitWidth) {
  writer.appendVarInt(numGroups << 1 | 1) // bp header

  if (bitWidth === 0) return

  const mask = (1 << bitWidth) - 1
  let buffer = 0
  let bitsUsed = 0
  const totalValues = numGroups * 8

  for (let i = 0; i < totalValues; i++) {
    const idx = start + i
    const v = idx < values.length ? values[idx] & mask : 0
    buffer |= v << bitsUsed
    bitsUsed += bitWidth

    // Flush full bytes
    while (bitsUsed >= 8) {
      writer.appendUint8(buffer & 0xff)
      buffer >>>= 8
      bitsUsed -= 8
    }
  }

  // Flush any remaining bits
  if (bitsUsed > 0) {
    writer.appendUint8(buffer & 0xff)
  }
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-writer/src/plain.js

/**
 * @import {DecodedArray, ParquetType} from 'hyparquet'
 * @import {Writer} from '../src/types.js'
 * @param {Writer} writer
 * @param {DecodedArray} values
 * @param {ParquetType} type
 * @param {number | undefined} fixedLength
 */
function writePlain(writer, values, type, fixedLength) {
  if (type === 'BOOLEAN') {
    writePlainBoolean(writer, values)
  } else if (type === 'INT32') {
    writePlainInt32(writer, values)
  } else if (type === 'INT64') {
    writePlainInt64(writer, values)
  } else if (type === 'FLOAT') {
    writePlainFloat(writer, values)
  } else if (type === 'DOUBLE') {
    writePlainDouble(writer, values)
  } else if (type === 'BYTE_ARRAY') {
    writePlainByteArray(writer, values)
  } else if (type === 'FIXED_LEN_BYTE_ARRAY') {
    if (!fixedLength) throw new Error('parquet FIXED_LEN_BYTE_ARRAY expected type_length')
    writePlainByteArrayFixed(writer, values, fixedLength)
  } else {
    throw new Error(`parquet unsupported type: ${type}`)
  }
}

/**
 * @param {Writer} writer
 * @param {DecodedArray} values
 */
function writePlainBoolean(writer, values) {
  let currentByte = 0

  for (let i = 0; i < values.length; i++) {
    const value = values[i]
    if (typeof value !== 'boolean') throw new Error('parquet expected boolean value, got ' + value)
    const bitOffset = i % 8

    if (value) {
      currentByte |= 1 << bitOffset
    }

    // once we've packed 8 bits or are at a multiple of 8, we write out the byte
    if (bitOffset === 7) {
      writer.appendUint8(currentByte)
      currentByte = 0
    }
  }

  // if the array length is not a multiple of 8, write the leftover bits
  if (values.length % 8) {
    writer.appendUint8(currentByte)
  }
}

/**
 * @param {Writer} writer
 * @param {DecodedArray} values
 */
function writePlainInt32(writer, values) {
  for (const value of values) {
    if (!Number.isSafeInteger(value)) throw new Error('parquet expected integer value, got ' + value)
    if (value < -2147483648 || value > 2147483647) throw new Error('parquet expected int32 value, got ' + value)
    writer.appendInt32(value)
  }
}

/**
 * @param {Writer} writer
 * @param {DecodedArray} values
 */
function writePlainInt64(writer, values) {
  for (const value of values) {
    if (typeof value !== 'bigint') throw new Error('parquet expected bigint value, got ' + value)
    writer.appendInt64(value)
  }
}

/**
 * @param {Writer} writer
 * @param {DecodedArray} values
 */
function writePlainFloat(writer, values) {
  for (const value of values) {
    if (typeof value !== 'number') throw new Error('parquet expected number value, got ' + value)
    writer.appendFloat32(value)
  }
}

/**
 * @param {Writer} writer
 * @param {DecodedArray} values
 */
function writePlainDouble(writer, values) {
  for (const value of values) {
    if (typeof value !== 'number') throw new Error('parquet expected number value, got ' + value)
    writer.appendFloat64(value)
  }
}

/**
 * @param {Writer} writer
 * @param {DecodedArray} values
 */
function writePlainByteArray(writer, values) {
  for (const value of values) {
    let bytes = value
    if (typeof bytes === 'string') {
      // convert string to Uint8Array
      bytes = new TextEncoder().encode(value)
    }
    if (!(bytes instanceof Uint8Array)) {
      throw new Error('parquet expected Uint8Array value, got ' + typeof bytes)
    }
    writer.appendUint32(bytes.length)
    writer.appendBytes(bytes)
  }
}

/**
 * @param {Writer} writer
 * @param {DecodedArray} values
 * @param {number} fixedLength
 */
function writePlainByteArrayFixed(writer, values, fixedLength) {
  for (const value of values) {
    if (!(value instanceof Uint8Array)) throw new Error('parquet expected Uint8Array value, got ' + typeof value)
    if (value.length !== fixedLength) throw new Error(`parquet expected Uint8Array of length ${fixedLength}`)
    writer.appendBytes(value)
  }
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-writer/node_modules/hyparquet/src/schema.js
/**
 * Build a tree from the schema elements.
 *
 * @param {SchemaElement[]} schema
 * @param {number} rootIndex index of the root element
 * @param {string[]} path path to the element
 * @returns {SchemaTree} tree of schema elements
 */
function schema_schemaTree(schema, rootIndex, path) {
  const element = schema[rootIndex]
  const children = []
  let count = 1

  // Read the specified number of children
  if (element.num_children) {
    while (children.length < element.num_children) {
      const childElement = schema[rootIndex + count]
      const child = schema_schemaTree(schema, rootIndex + count, [...path, childElement.name])
      count += child.count
      children.push(child)
    }
  }

  return { count, element, children, path }
}

/**
 * Get schema elements from the root to the given element name.
 *
 * @param {SchemaElement[]} schema
 * @param {string[]} name path to the element
 * @returns {SchemaTree[]} list of schema elements
 */
function schema_getSchemaPath(schema, name) {
  return schema_getTreePath(schema_schemaTree(schema, 0, []), name)
}

/**
 * Get schema tree nodes from the root of a prebuilt tree to the given element name.
 *
 * @param {SchemaTree} tree root of the schema tree
 * @param {string[]} name path to the element
 * @returns {SchemaTree[]} list of schema elements
 */
function schema_getTreePath(tree, name) {
  const path = [tree]
  for (const part of name) {
    const child = tree.children.find(child => child.element.name === part)
    if (!child) throw new Error(`parquet schema element not found: ${name}`)
    path.push(child)
    tree = child
  }
  return path
}

/**
 * Get all physical (leaf) column names.
 *
 * @param {SchemaTree} schemaTree
 * @returns {string[]} list of physical column names
 */
function schema_getPhysicalColumns(schemaTree) {
  /** @type {string[]} */
  const columns = []
  /** @param {SchemaTree} node */
  function traverse(node) {
    if (node.children.length) {
      for (const child of node.children) {
        traverse(child)
      }
    } else {
      columns.push(node.path.join('.'))
    }
  }
  traverse(schemaTree)
  return columns
}

/**
 * Get the max repetition level for a given schema path.
 *
 * @param {SchemaTree[]} schemaPath
 * @returns {number} max repetition level
 */
function schema_getMaxRepetitionLevel(schemaPath) {
  let maxLevel = 0
  for (const { element } of schemaPath) {
    if (element.repetition_type === 'REPEATED') {
      maxLevel++
    }
  }
  return maxLevel
}

/**
 * Get the max definition level for a given schema path.
 *
 * @param {SchemaTree[]} schemaPath
 * @returns {number} max definition level
 */
function schema_getMaxDefinitionLevel(schemaPath) {
  let maxLevel = 0
  for (const { element } of schemaPath.slice(1)) {
    if (element.repetition_type !== 'REQUIRED') {
      maxLevel++
    }
  }
  return maxLevel
}

/**
 * Check if a column is list-like.
 *
 * @param {SchemaTree} schema
 * @returns {boolean} true if list-like
 */
function src_schema_isListLike(schema) {
  if (!schema) return false
  if (schema.element.converted_type !== 'LIST') return false
  if (schema.children.length > 1) return false

  const firstChild = schema.children[0]
  if (firstChild.children.length > 1) return false
  if (firstChild.element.repetition_type !== 'REPEATED') return false

  return true
}

/**
 * Check if a column is map-like.
 *
 * @param {SchemaTree} schema
 * @returns {boolean} true if map-like
 */
function src_schema_isMapLike(schema) {
  if (!schema) return false
  if (schema.element.converted_type !== 'MAP') return false
  if (schema.children.length > 1) return false

  const firstChild = schema.children[0]
  if (firstChild.children.length !== 2) return false
  if (firstChild.element.repetition_type !== 'REPEATED') return false

  const keyChild = firstChild.children.find(child => child.element.name === 'key')
  if (keyChild?.element.repetition_type === 'REPEATED') return false

  const valueChild = firstChild.children.find(child => child.element.name === 'value')
  if (valueChild?.element.repetition_type === 'REPEATED') return false

  return true
}

/**
 * Returns true if a column is non-nested.
 *
 * @param {SchemaTree[]} schemaPath
 * @returns {boolean}
 */
function src_schema_isFlatColumn(schemaPath) {
  if (schemaPath.length !== 2) return false
  const [, column] = schemaPath
  if (column.element.repetition_type === 'REPEATED') return false
  if (column.children.length) return false
  return true
}

/**
 * @import {SchemaElement, SchemaTree} from '../src/types.js'
 */

;// CONCATENATED MODULE: ./node_modules/hyparquet-writer/node_modules/hyparquet/src/metadata.js






/**
 * @import {AsyncBuffer, FileMetaData, KeyValue, LogicalType, MetadataOptions, MinMaxType, ParquetParsers, SchemaElement, SchemaTree, Statistics, TimeUnit} from '../src/types.js'
 */

const src_metadata_defaultInitialFetchSize = (/* unused pure expression or super */ null && (1 << 19)) // 512kb

const src_metadata_decoder = new TextDecoder()
function metadata_decode(/** @type {Uint8Array} */ value) {
  return value && src_metadata_decoder.decode(value)
}

/**
 * Read parquet metadata from an async buffer.
 *
 * An AsyncBuffer is like an ArrayBuffer, but the slices are loaded
 * asynchronously, possibly over the network.
 *
 * You must provide the byteLength of the buffer, typically from a HEAD request.
 *
 * In theory, you could use suffix-range requests to fetch the end of the file,
 * and save a round trip. But in practice, this doesn't work because chrome
 * deems suffix-range requests as a not-safe-listed header, and will require
 * a pre-flight. So the byteLength is required.
 *
 * To make this efficient, we initially request the last 512kb of the file,
 * which is likely to contain the metadata. If the metadata length exceeds the
 * initial fetch, 512kb, we request the rest of the metadata from the AsyncBuffer.
 *
 * This ensures that we either make one 512kb initial request for the metadata,
 * or a second request for up to the metadata size.
 *
 * @param {AsyncBuffer} asyncBuffer parquet file contents
 * @param {MetadataOptions & { initialFetchSize?: number }} options initial fetch size in bytes (default 512kb)
 * @returns {Promise<FileMetaData>} parquet metadata object
 */
async function src_metadata_parquetMetadataAsync(asyncBuffer, { parsers, initialFetchSize = src_metadata_defaultInitialFetchSize, geoparquet = true } = {}) {
  if (!asyncBuffer || !(asyncBuffer.byteLength >= 0)) throw new Error('parquet expected AsyncBuffer')

  // fetch last bytes (footer) of the file
  const footerOffset = Math.max(0, asyncBuffer.byteLength - initialFetchSize)
  const footerBuffer = await asyncBuffer.slice(footerOffset, asyncBuffer.byteLength)

  // Check for parquet magic number "PAR1"
  const footerView = new DataView(footerBuffer)
  if (footerView.getUint32(footerBuffer.byteLength - 4, true) !== 0x31524150) {
    throw new Error('parquet file invalid (footer != PAR1)')
  }

  // Parquet files store metadata at the end of the file
  // Metadata length is 4 bytes before the last PAR1
  const metadataLength = footerView.getUint32(footerBuffer.byteLength - 8, true)
  if (metadataLength > asyncBuffer.byteLength - 8) {
    throw new Error(`parquet metadata length ${metadataLength} exceeds available buffer ${asyncBuffer.byteLength - 8}`)
  }

  // check if metadata size fits inside the initial fetch
  if (metadataLength + 8 > initialFetchSize) {
    // fetch the rest of the metadata
    const metadataOffset = asyncBuffer.byteLength - metadataLength - 8
    const metadataBuffer = await asyncBuffer.slice(metadataOffset, footerOffset)
    // combine initial fetch with the new slice
    const combinedBuffer = new ArrayBuffer(metadataLength + 8)
    const combinedView = new Uint8Array(combinedBuffer)
    combinedView.set(new Uint8Array(metadataBuffer))
    combinedView.set(new Uint8Array(footerBuffer), footerOffset - metadataOffset)
    return metadata_parquetMetadata(combinedBuffer, { parsers, geoparquet })
  } else {
    // parse metadata from the footer
    return metadata_parquetMetadata(footerBuffer, { parsers, geoparquet })
  }
}

/**
 * Read parquet metadata from a buffer synchronously.
 *
 * @param {ArrayBuffer | Uint8Array} arrayBuffer parquet file footer
 * @param {MetadataOptions} options metadata parsing options
 * @returns {FileMetaData} parquet metadata object
 */
function metadata_parquetMetadata(arrayBuffer, { parsers, geoparquet = true } = {}) {
  let view
  if (arrayBuffer instanceof ArrayBuffer) {
    view = new DataView(arrayBuffer)
  } else if (arrayBuffer instanceof Uint8Array) {
    view = new DataView(arrayBuffer.buffer, arrayBuffer.byteOffset, arrayBuffer.byteLength)
  } else {
    throw new Error('parquet expected ArrayBuffer or Uint8Array')
  }

  // Use default parsers if not given
  const allParsers = { ...DEFAULT_PARSERS, ...parsers }

  // Validate footer magic number "PAR1"
  if (view.byteLength < 8) {
    throw new Error('parquet file is too short')
  }
  if (view.getUint32(view.byteLength - 4, true) !== 0x31524150) {
    throw new Error('parquet file invalid (footer != PAR1)')
  }

  // Parquet files store metadata at the end of the file
  // Metadata length is 4 bytes before the last PAR1
  const metadataLengthOffset = view.byteLength - 8
  const metadataLength = view.getUint32(metadataLengthOffset, true)
  if (metadataLength > view.byteLength - 8) {
    // {metadata}, metadata_length, PAR1
    throw new Error(`parquet metadata length ${metadataLength} exceeds available buffer ${view.byteLength - 8}`)
  }

  const metadataOffset = metadataLengthOffset - metadataLength
  const reader = { view, offset: metadataOffset }
  const metadata = deserializeTCompactProtocol(reader)

  // Parse metadata from thrift data
  const version = metadata.field_1
  /** @type {SchemaElement[]} */
  const schema = metadata.field_2.map((/** @type {any} */ field) => ({
    type: ParquetTypes[field.field_1],
    type_length: field.field_2,
    repetition_type: FieldRepetitionTypes[field.field_3],
    name: metadata_decode(field.field_4),
    num_children: field.field_5,
    converted_type: ConvertedTypes[field.field_6],
    scale: field.field_7,
    precision: field.field_8,
    field_id: field.field_9,
    logical_type: metadata_logicalType(field.field_10),
  }))
  // schema element per column index
  const columnSchema = schema.filter(e => e.type)
  const num_rows = metadata.field_3
  const row_groups = metadata.field_4.map((/** @type {any} */ rowGroup) => ({
    columns: rowGroup.field_1.map((/** @type {any} */ column, /** @type {number} */ columnIndex) => ({
      file_path: metadata_decode(column.field_1),
      file_offset: column.field_2,
      meta_data: column.field_3 && {
        type: ParquetTypes[column.field_3.field_1],
        encodings: column.field_3.field_2?.map((/** @type {number} */ e) => Encodings[e]),
        path_in_schema: column.field_3.field_3.map(metadata_decode),
        codec: CompressionCodecs[column.field_3.field_4],
        num_values: column.field_3.field_5,
        total_uncompressed_size: column.field_3.field_6,
        total_compressed_size: column.field_3.field_7,
        key_value_metadata: column.field_3.field_8?.map((/** @type {any} */ kv) => ({
          key: metadata_decode(kv.field_1),
          value: metadata_decode(kv.field_2),
        })),
        data_page_offset: column.field_3.field_9,
        index_page_offset: column.field_3.field_10,
        dictionary_page_offset: column.field_3.field_11,
        statistics: metadata_convertStats(column.field_3.field_12, columnSchema[columnIndex], allParsers),
        encoding_stats: column.field_3.field_13?.map((/** @type {any} */ encodingStat) => ({
          page_type: PageTypes[encodingStat.field_1],
          encoding: Encodings[encodingStat.field_2],
          count: encodingStat.field_3,
        })),
        bloom_filter_offset: column.field_3.field_14,
        bloom_filter_length: column.field_3.field_15,
        size_statistics: column.field_3.field_16 && {
          unencoded_byte_array_data_bytes: column.field_3.field_16.field_1,
          repetition_level_histogram: column.field_3.field_16.field_2,
          definition_level_histogram: column.field_3.field_16.field_3,
        },
        geospatial_statistics: column.field_3.field_17 && {
          bbox: column.field_3.field_17.field_1 && {
            xmin: column.field_3.field_17.field_1.field_1,
            xmax: column.field_3.field_17.field_1.field_2,
            ymin: column.field_3.field_17.field_1.field_3,
            ymax: column.field_3.field_17.field_1.field_4,
            zmin: column.field_3.field_17.field_1.field_5,
            zmax: column.field_3.field_17.field_1.field_6,
            mmin: column.field_3.field_17.field_1.field_7,
            mmax: column.field_3.field_17.field_1.field_8,
          },
          geospatial_types: column.field_3.field_17.field_2,
        },
      },
      offset_index_offset: column.field_4,
      offset_index_length: column.field_5,
      column_index_offset: column.field_6,
      column_index_length: column.field_7,
      crypto_metadata: column.field_8,
      encrypted_column_metadata: column.field_9,
    })),
    total_byte_size: rowGroup.field_2,
    num_rows: rowGroup.field_3,
    sorting_columns: rowGroup.field_4?.map((/** @type {any} */ sortingColumn) => ({
      column_idx: sortingColumn.field_1,
      descending: sortingColumn.field_2,
      nulls_first: sortingColumn.field_3,
    })),
    file_offset: rowGroup.field_5,
    total_compressed_size: rowGroup.field_6,
    ordinal: rowGroup.field_7,
  }))
  /** @type {KeyValue[] | undefined} */
  const key_value_metadata = metadata.field_5?.map((/** @type {any} */ kv) => ({
    key: metadata_decode(kv.field_1),
    value: metadata_decode(kv.field_2),
  }))
  const created_by = metadata_decode(metadata.field_6)

  if (geoparquet) {
    markGeoColumns(schema, key_value_metadata)
  }

  return {
    version,
    schema,
    num_rows,
    row_groups,
    key_value_metadata,
    created_by,
    metadata_length: metadataLength,
  }
}

/**
 * Return a tree of schema elements from parquet metadata.
 *
 * @param {{schema: SchemaElement[]}} metadata parquet metadata object
 * @returns {SchemaTree} tree of schema elements
 */
function metadata_parquetSchema({ schema }) {
  return schema_getSchemaPath(schema, [])[0]
}

/**
 * @param {any} logicalType
 * @returns {LogicalType | undefined}
 */
function metadata_logicalType(logicalType) {
  if (logicalType?.field_1) return { type: 'STRING' }
  if (logicalType?.field_2) return { type: 'MAP' }
  if (logicalType?.field_3) return { type: 'LIST' }
  if (logicalType?.field_4) return { type: 'ENUM' }
  if (logicalType?.field_5) return {
    type: 'DECIMAL',
    scale: logicalType.field_5.field_1,
    precision: logicalType.field_5.field_2,
  }
  if (logicalType?.field_6) return { type: 'DATE' }
  if (logicalType?.field_7) return {
    type: 'TIME',
    isAdjustedToUTC: logicalType.field_7.field_1,
    unit: metadata_timeUnit(logicalType.field_7.field_2),
  }
  if (logicalType?.field_8) return {
    type: 'TIMESTAMP',
    isAdjustedToUTC: logicalType.field_8.field_1,
    unit: metadata_timeUnit(logicalType.field_8.field_2),
  }
  if (logicalType?.field_10) return {
    type: 'INTEGER',
    bitWidth: logicalType.field_10.field_1,
    isSigned: logicalType.field_10.field_2,
  }
  if (logicalType?.field_11) return { type: 'NULL' }
  if (logicalType?.field_12) return { type: 'JSON' }
  if (logicalType?.field_13) return { type: 'BSON' }
  if (logicalType?.field_14) return { type: 'UUID' }
  if (logicalType?.field_15) return { type: 'FLOAT16' }
  if (logicalType?.field_16) return {
    type: 'VARIANT',
    specification_version: logicalType.field_16.field_1,
  }
  if (logicalType?.field_17) return {
    type: 'GEOMETRY',
    crs: metadata_decode(logicalType.field_17.field_1),
  }
  if (logicalType?.field_18) return {
    type: 'GEOGRAPHY',
    crs: metadata_decode(logicalType.field_18.field_1),
    algorithm: EdgeInterpolationAlgorithms[logicalType.field_18.field_2],
  }
  return logicalType
}

/**
 * @param {any} unit
 * @returns {TimeUnit}
 */
function metadata_timeUnit(unit) {
  if (unit.field_1) return 'MILLIS'
  if (unit.field_2) return 'MICROS'
  if (unit.field_3) return 'NANOS'
  throw new Error('parquet time unit required')
}

/**
 * Convert column statistics based on column type.
 *
 * @param {any} stats
 * @param {SchemaElement} schema
 * @param {ParquetParsers} parsers
 * @returns {Statistics}
 */
function metadata_convertStats(stats, schema, parsers) {
  return stats && {
    max: metadata_convertMetadata(stats.field_1, schema, parsers),
    min: metadata_convertMetadata(stats.field_2, schema, parsers),
    null_count: stats.field_3,
    distinct_count: stats.field_4,
    max_value: metadata_convertMetadata(stats.field_5, schema, parsers),
    min_value: metadata_convertMetadata(stats.field_6, schema, parsers),
    is_max_value_exact: stats.field_7,
    is_min_value_exact: stats.field_8,
  }
}

/**
 * @param {Uint8Array | undefined} value
 * @param {SchemaElement} schema
 * @param {ParquetParsers} parsers
 * @returns {MinMaxType | undefined}
 */
function metadata_convertMetadata(value, schema, parsers) {
  const { type, converted_type, logical_type } = schema
  if (value === undefined) return value
  if (type === 'BOOLEAN') return value[0] === 1
  if (type === 'BYTE_ARRAY') return parsers.stringFromBytes(value)
  const view = new DataView(value.buffer, value.byteOffset, value.byteLength)
  if (type === 'FLOAT' && view.byteLength === 4) return view.getFloat32(0, true)
  if (type === 'DOUBLE' && view.byteLength === 8) return view.getFloat64(0, true)
  if (type === 'INT32' && converted_type === 'DECIMAL' && view.byteLength === 4) {
    return view.getInt32(0, true) * 10 ** -(schema.scale || 0)
  }
  if (type === 'INT64' && converted_type === 'DECIMAL' && view.byteLength === 8) {
    return Number(view.getBigInt64(0, true)) * 10 ** -(schema.scale || 0)
  }
  if (type === 'INT32' && converted_type === 'DATE') return parsers.dateFromDays(view.getInt32(0, true))
  if (type === 'INT64' && converted_type === 'TIMESTAMP_MILLIS') return parsers.timestampFromMilliseconds(view.getBigInt64(0, true))
  if (type === 'INT64' && converted_type === 'TIMESTAMP_MICROS') return parsers.timestampFromMicroseconds(view.getBigInt64(0, true))
  if (type === 'INT64' && logical_type?.type === 'TIMESTAMP' && logical_type?.unit === 'NANOS') return parsers.timestampFromNanoseconds(view.getBigInt64(0, true))
  if (type === 'INT64' && logical_type?.type === 'TIMESTAMP' && logical_type?.unit === 'MICROS') return parsers.timestampFromMicroseconds(view.getBigInt64(0, true))
  if (type === 'INT64' && logical_type?.type === 'TIMESTAMP') return parsers.timestampFromMilliseconds(view.getBigInt64(0, true))
  const unsigned = converted_type?.startsWith('UINT_') ||
    logical_type?.type === 'INTEGER' && !logical_type.isSigned
  if (type === 'INT32' && unsigned && view.byteLength === 4) return view.getUint32(0, true)
  if (type === 'INT64' && unsigned && view.byteLength === 8) return view.getBigUint64(0, true)
  if (type === 'INT32' && view.byteLength === 4) return view.getInt32(0, true)
  if (type === 'INT64' && view.byteLength === 8) return view.getBigInt64(0, true)
  if (converted_type === 'DECIMAL') return parseDecimal(value) * 10 ** -(schema.scale || 0)
  if (logical_type?.type === 'FLOAT16') return parseFloat16(value)
  if (logical_type?.type === 'UUID') return parsers.uuidFromBytes(value)
  if (type === 'FIXED_LEN_BYTE_ARRAY') return value
  // assert(false)
  return value
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-writer/src/variant.js


const encoder = new TextEncoder()
const INT64_MIN = -(2n ** 63n)
const INT64_MAX = 2n ** 63n - 1n
const VARIANT_NULL = new Uint8Array([0x00])
const RESERVED_SHREDDING_FIELDS = new Set(['value', 'typed_value'])
/** @type {Map<string, number>} */
const EMPTY_KEY_INDEX = new Map()
const EMPTY_METADATA = writeVariantMetadata([])

/**
 * Encode an array of arbitrary JS values into variant binary format.
 * Each row becomes { metadata, value } (or null for missing values).
 * When shredding is provided, produces { metadata, value, typed_value } per row.
 *
 * @import {BasicType, ShredType} from '../src/types.js'
 * @param {any[]} values
 * @param {ShredType | undefined} shredding
 * @param {{ name: string, required: boolean }} [column]
 * @returns {Array<Record<string, any> | null>}
 */
function encodeVariantColumn(values, shredding, column) {
  if (column?.required) {
    for (let i = 0; i < values.length; i++) {
      if (values[i] === undefined) {
        throw new Error(`required variant column ${column.name} has undefined value at index ${i}`)
      }
    }
  }
  // Scratch writers are safe to reuse after their bytes have been copied into
  // a parent. Keep the pool local so no buffers are retained between columns.
  /** @type {ByteWriter[]} */
  const scratchWriters = []
  const shreddingConfig = shredding && normalizeShreddingConfig(shredding)
  if (shreddingConfig) {
    // Cache (metadata, keyIndex) by sorted-dictionary signature so rows with
    // the same set of keys share a single Uint8Array + Map.
    /** @type {Map<string, { metadata: Uint8Array, keyIndex: Map<string, number> }>} */
    const metadataCache = new Map()
    return values.map(value => {
      // undefined is a missing row; null is a present Variant null.
      if (value === undefined) return null
      // Build the metadata dictionary from every nested key in the row. The
      // reader uses dictionary membership to decide which object fields are
      // present, so all present keys (shredded or not) must be in the dictionary.
      /** @type {Set<string>} */
      const keys = new Set()
      collectKeys(value, keys)
      const { metadata, keyIndex } = getVariantRowMetadata(keys, metadataCache)
      return { metadata, ...encodeShredded(value, shreddingConfig, keyIndex, true, scratchWriters) }
    })
  }

  const dictionary = buildVariantDictionary(values)
  const metadata = writeVariantMetadata(dictionary)
  /** @type {Map<string, number>} */
  const keyIndex = new Map()
  for (let i = 0; i < dictionary.length; i++) {
    keyIndex.set(dictionary[i], i)
  }
  return values.map(value => {
    // Keep top-level null as a present Variant null (0x00). Only undefined is missing.
    if (value === undefined) return null
    return { metadata, value: writeVariantValue(value, keyIndex, scratchWriters) }
  })
}

/**
 * Recursively encode a value against a shred type into a { value, typed_value }
 * shredded group (the metadata wrapper is added by the caller at the top level).
 *
 * Shape rules (per the Variant shredding spec):
 * - scalar: matches the type -> typed_value holds the value, value is null;
 *   otherwise fall back to a binary variant in value.
 * - object: shredded fields go into the typed_value struct (absent fields are
 *   omitted), remaining fields are packed into a binary value.
 * - array: each element is recursively shredded into the typed_value LIST, value
 *   is null. A non-array value falls back to a binary value.
 *
 * @param {any} value
 * @param {ShredType} shredType
 * @param {Map<string, number>} keyIndex
 * @param {boolean} allowPartialObjects
 * @param {ByteWriter[]} scratchWriters
 * @returns {{ value: Uint8Array | null, typed_value: any }}
 */
function encodeShredded(value, shredType, keyIndex, allowPartialObjects, scratchWriters) {
  // Present Variant null: value holds variant null, typed_value is null.
  if (value === null || value === undefined) {
    return { value: VARIANT_NULL, typed_value: null }
  }

  // Array shred type
  if (Array.isArray(shredType)) {
    if (!Array.isArray(value)) {
      // Not an array: typed_value must be null, store the value as binary.
      return { value: writeVariantValue(value, keyIndex, scratchWriters), typed_value: null }
    }
    const elemShred = shredType[0]
    return {
      value: null,
      typed_value: value.map(el => encodeShredded(el, elemShred, keyIndex, false, scratchWriters)),
    }
  }

  // Object shred type
  if (typeof shredType === 'object') {
    // Not a plain object: fall back to a binary value.
    if (typeof value !== 'object' || Array.isArray(value) || value instanceof Date || value instanceof Uint8Array) {
      return { value: writeVariantValue(value, keyIndex, scratchWriters), typed_value: null }
    }

    // Remaining (non-shredded) fields are packed into a binary value.
    /** @type {Record<string, any>} */
    const remaining = {}
    let hasRemaining = false
    for (const k of Object.keys(value)) {
      if (k in shredType || value[k] === undefined) continue
      remaining[k] = value[k]
      hasRemaining = true
    }
    if (hasRemaining && !allowPartialObjects) {
      return { value: writeVariantValue(value, keyIndex, scratchWriters), typed_value: null }
    }

    const fieldNames = Object.keys(shredType)
    const hasMissingFieldConflict = fieldNames.some(fieldName =>
      (!Object.prototype.hasOwnProperty.call(value, fieldName) || value[fieldName] === undefined) &&
      keyIndex.has(fieldName)
    )
    if (hasMissingFieldConflict) {
      return { value: writeVariantValue(value, keyIndex, scratchWriters), typed_value: null }
    }

    /** @type {Record<string, any>} */
    const typedValue = {}
    for (const fieldName of fieldNames) {
      if (!Object.prototype.hasOwnProperty.call(value, fieldName) || value[fieldName] === undefined) {
        // missing field: omit the optional field wrapper entirely
        continue
      }
      typedValue[fieldName] = encodeShredded(
        value[fieldName], shredType[fieldName], keyIndex, false, scratchWriters
      )
    }
    const binaryValue = hasRemaining ? writeVariantValue(remaining, keyIndex, scratchWriters) : null

    return { value: binaryValue, typed_value: typedValue }
  }

  // Scalar shred type
  if (matchesType(value, shredType)) {
    return { value: null, typed_value: value }
  }
  return { value: writeVariantValue(value, keyIndex, scratchWriters), typed_value: null }
}

/**
 * Build metadata and keyIndex, sharing across rows with the same dictionary.
 *
 * @param {Set<string>} keys
 * @param {Map<string, { metadata: Uint8Array, keyIndex: Map<string, number> }>} metadataCache
 * @returns {{ metadata: Uint8Array, keyIndex: Map<string, number> }}
 */
function getVariantRowMetadata(keys, metadataCache) {
  if (keys.size === 0) {
    return { metadata: EMPTY_METADATA, keyIndex: EMPTY_KEY_INDEX }
  }

  const dictionary = [...keys].sort()
  const cacheKey = dictionary.join('\0')
  const cached = metadataCache.get(cacheKey)
  if (cached) {
    return cached
  }

  const metadata = writeVariantMetadata(dictionary)
  const keyIndex = new Map()
  for (let i = 0; i < dictionary.length; i++) keyIndex.set(dictionary[i], i)
  const rowMetadata = { metadata, keyIndex }
  metadataCache.set(cacheKey, rowMetadata)
  return rowMetadata
}

/**
 * Check if a JS value matches a BasicType for shredding.
 *
 * @param {any} value
 * @param {BasicType} type
 * @returns {boolean}
 */
function matchesType(value, type) {
  if (value === null || value === undefined) return false
  switch (type) {
  case 'BOOLEAN': return typeof value === 'boolean'
  case 'INT32': return typeof value === 'number' && Number.isInteger(value) && value >= -2147483648 && value <= 2147483647
  case 'INT64': return typeof value === 'bigint' && value >= INT64_MIN && value <= INT64_MAX
  case 'FLOAT': return typeof value === 'number'
  case 'DOUBLE': return typeof value === 'number'
  case 'STRING': return typeof value === 'string'
  case 'TIMESTAMP': return value instanceof Date
  default: return false
  }
}

// Conservative defaults for auto-detected shredding. Shredding is a query
// optimization, not a compression one: each shredded leaf is a full column
// (page headers, dictionary page, offset index), so deep/wide structures
// auto-shred into hundreds of columns and bloat the file. Auto-detect only
// descends a couple of container levels and bails on very wide schemas,
// leaving the rest in the binary value fallback. Explicit configs are unbounded.
const MAX_SHRED_DEPTH = 3
const MAX_SHRED_LEAVES = 256

/**
 * Auto-detect a shredding config by recursively analyzing values for consistent
 * structure. Detects scalar fields, nested objects, and arrays. Only structured
 * top-level values (objects/arrays) are shredded; a column of bare scalars is
 * left unshredded. Descent is bounded (see MAX_SHRED_DEPTH/MAX_SHRED_LEAVES) to
 * avoid exploding deeply nested variants into a column per leaf.
 *
 * @param {any[]} values
 * @returns {ShredType | undefined}
 */
function autoDetectShredding(values) {
  const detected = detectShred(values, 0)
  // Top level: only shred structured values (objects/arrays), not bare scalars.
  if (detected === undefined || typeof detected !== 'object') return undefined
  const normalized = normalizeShreddingConfig(detected)
  // Leave pathologically wide schemas as a single binary value.
  if (normalized === undefined || countShredLeaves(normalized) > MAX_SHRED_LEAVES) return undefined
  return normalized
}

/**
 * Count the typed leaf columns a shred type expands into (per array element).
 *
 * @param {ShredType} shredType
 * @returns {number}
 */
function countShredLeaves(shredType) {
  if (Array.isArray(shredType)) return shredType.length ? countShredLeaves(shredType[0]) : 0
  if (shredType && typeof shredType === 'object') {
    let leaves = 0
    for (const key of Object.keys(shredType)) leaves += countShredLeaves(shredType[key])
    return leaves
  }
  return 1 // scalar leaf
}

/**
 * Recursively detect a shred type from a pool of sample values at one position.
 * Returns undefined when the values are not consistently shreddable, or when a
 * container is nested deeper than MAX_SHRED_DEPTH (left as binary fallback).
 *
 * @param {any[]} values
 * @param {number} depth container nesting levels already descended
 * @returns {ShredType | undefined}
 */
function detectShred(values, depth) {
  /** @type {any[]} */
  const nonNull = []
  for (const v of values) {
    if (v !== null && v !== undefined) nonNull.push(v)
  }
  if (!nonNull.length) return undefined

  // Object shred: any plain object present. Non-objects are ignored here and
  // fall back to binary at encode time.
  if (nonNull.some(isPlainObject)) {
    if (depth >= MAX_SHRED_DEPTH) return undefined
    /** @type {Map<string, any[]>} field name -> its present values */
    const fieldValues = new Map()
    for (const v of nonNull) {
      if (!isPlainObject(v)) continue
      for (const [key, fieldValue] of Object.entries(v)) {
        if (fieldValue === undefined) continue
        const arr = fieldValues.get(key)
        if (arr) arr.push(fieldValue)
        else fieldValues.set(key, [fieldValue])
      }
    }
    /** @type {Record<string, ShredType>} */
    const shredding = {}
    for (const [key, vals] of fieldValues) {
      const fieldShred = detectShred(vals, depth + 1)
      if (fieldShred !== undefined) shredding[key] = fieldShred
    }
    return Object.keys(shredding).length > 0 ? shredding : undefined
  }

  // Array shred: every value is an array. Pool all elements and recurse.
  if (nonNull.every(Array.isArray)) {
    if (depth >= MAX_SHRED_DEPTH) return undefined
    /** @type {any[]} */
    const elements = []
    for (const arr of nonNull) for (const el of arr) elements.push(el)
    const elemShred = detectShred(elements, depth + 1)
    return elemShred === undefined ? undefined : [elemShred]
  }

  // Scalar shred: every value is the same basic JS type.
  /** @type {string | undefined} */
  let jsType
  for (const v of nonNull) {
    if (Array.isArray(v)) return undefined // mixed array + scalar
    const t = v instanceof Date ? 'date' : typeof v
    if (jsType === undefined) jsType = t
    else if (jsType !== t) return undefined
  }
  return jsType ? jsTypeToBasicType(jsType) : undefined
}

/**
 * True for plain objects (not null, array, Date, or Uint8Array).
 *
 * @param {any} v
 * @returns {boolean}
 */
function isPlainObject(v) {
  return typeof v === 'object' && v !== null &&
    !Array.isArray(v) && !(v instanceof Date) && !(v instanceof Uint8Array)
}

/**
 * Recursively strip field names reserved by the shredded variant wrapper layout
 * (`value`, `typed_value`). Returns undefined when an object level empties out.
 *
 * @param {ShredType} shredding
 * @returns {ShredType | undefined}
 */
function normalizeShreddingConfig(shredding) {
  if (Array.isArray(shredding)) {
    const elem = shredding.length ? normalizeShreddingConfig(shredding[0]) : undefined
    return elem === undefined ? undefined : [elem]
  }
  if (typeof shredding === 'object') {
    /** @type {Record<string, ShredType>} */
    const normalized = {}
    for (const [key, type] of Object.entries(shredding)) {
      if (RESERVED_SHREDDING_FIELDS.has(key)) continue
      const norm = normalizeShreddingConfig(type)
      if (norm !== undefined) normalized[key] = norm
    }
    return Object.keys(normalized).length > 0 ? normalized : undefined
  }
  // scalar
  return shredding
}

/**
 * Map a JS typeof string to a BasicType for shredding.
 *
 * @param {string} jsType
 * @returns {BasicType | undefined}
 */
function jsTypeToBasicType(jsType) {
  switch (jsType) {
  case 'boolean': return 'BOOLEAN'
  case 'string': return 'STRING'
  case 'number': return 'DOUBLE'
  case 'bigint': return 'INT64'
  case 'date': return 'TIMESTAMP'
  default: return undefined
  }
}

/**
 * Recursively collect all unique object keys from the column values.
 * Returns a sorted string array.
 *
 * @param {any[]} values
 * @returns {string[]}
 */
function buildVariantDictionary(values) {
  /** @type {Set<string>} */
  const keys = new Set()
  collectKeys(values, keys)
  return [...keys].sort()
}

/**
 * @param {any} value
 * @param {Set<string>} keys
 */
function collectKeys(value, keys) {
  if (value === null || value === undefined) return
  if (Array.isArray(value)) {
    for (const item of value) {
      collectKeys(item, keys)
    }
    return
  }
  if (value instanceof Date || value instanceof Uint8Array) return
  if (typeof value === 'object') {
    for (const key of Object.keys(value)) {
      keys.add(key)
      collectKeys(value[key], keys)
    }
  }
}

/**
 * Encode variant metadata binary.
 * Format: header byte, dictionary size, offsets, UTF-8 string data.
 *
 * @param {string[]} dictionary sorted array of unique keys
 * @returns {Uint8Array}
 */
function writeVariantMetadata(dictionary) {
  // Encode strings and compute total byte length in one pass
  const n = dictionary.length
  /** @type {Uint8Array[]} */
  const encoded = new Array(n)
  let totalStringBytes = 0
  for (let i = 0; i < n; i++) {
    const e = encoder.encode(dictionary[i])
    encoded[i] = e
    totalStringBytes += e.length
  }

  // Determine offset size: max offset is totalStringBytes
  const offsetSize = variant_byteWidth(totalStringBytes)

  // Header: version=1, sorted=1, offsetSize
  const header = 1 | 1 << 4 | offsetSize - 1 << 6

  // Total size: 1 (header) + offsetSize (dict size) + (n + 1) * offsetSize (offsets) + totalStringBytes
  const totalSize = 1 + offsetSize + (n + 1) * offsetSize + totalStringBytes
  const bytes = new Uint8Array(totalSize)
  let offset = 0

  bytes[offset++] = header

  // Dictionary size
  for (let j = 0; j < offsetSize; j++) bytes[offset++] = n >> j * 8 & 0xff

  // String offsets
  let strOffset = 0
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < offsetSize; j++) bytes[offset++] = strOffset >> j * 8 & 0xff
    strOffset += encoded[i].length
  }
  // Final offset
  for (let j = 0; j < offsetSize; j++) bytes[offset++] = strOffset >> j * 8 & 0xff

  // String data
  for (let i = 0; i < n; i++) {
    bytes.set(encoded[i], offset)
    offset += encoded[i].length
  }

  return bytes
}

/**
 * Encode a single JS value to variant binary format.
 *
 * @param {any} value
 * @param {Map<string, number>} keyIndex map from key string to dictionary index
 * @param {ByteWriter[]} scratchWriters
 * @returns {Uint8Array}
 */
function writeVariantValue(value, keyIndex, scratchWriters) {
  const writer = new bytewriter_ByteWriter(8)
  writeValue(value, writer, keyIndex, scratchWriters)
  return writer.getBytes()
}

/**
 * @param {any} val
 * @param {ByteWriter} writer
 * @param {Map<string, number>} keyIndex
 * @param {ByteWriter[]} scratchWriters
 */
function writeValue(val, writer, keyIndex, scratchWriters) {
  if (val === null || val === undefined) {
    writer.appendUint8(0x00) // basicType=0, typeId=0
    return
  }
  if (val === true) {
    writer.appendUint8(0x04) // typeId=1
    return
  }
  if (val === false) {
    writer.appendUint8(0x08) // typeId=2
    return
  }
  if (typeof val === 'bigint') {
    if (val < INT64_MIN || val > INT64_MAX) {
      throw new RangeError(`variant bigint out of int64 range: ${val}`)
    }
    writer.appendUint8(6 << 2) // int64
    writer.appendInt64(val)
    return
  }
  if (typeof val === 'number') {
    if (Number.isInteger(val)) {
      if (val >= -128 && val <= 127) {
        writer.appendUint8(3 << 2) // int8
        writer.appendUint8(val & 0xff)
        return
      }
      if (val >= -32768 && val <= 32767) {
        writer.appendUint8(4 << 2) // int16
        appendUnsignedLE(writer, val, 2)
        return
      }
      if (val >= -2147483648 && val <= 2147483647) {
        writer.appendUint8(5 << 2) // int32
        writer.appendInt32(val)
        return
      }
    }
    writer.appendUint8(7 << 2) // double
    writer.appendFloat64(val)
    return
  }
  if (typeof val === 'string') {
    const strBytes = encoder.encode(val)
    if (strBytes.length <= 63) {
      // short string: basicType=1, length in header
      writer.appendUint8(strBytes.length << 2 | 1)
      writer.appendBytes(strBytes)
    } else {
      // long string: primitive typeId=16
      writer.appendUint8(16 << 2)
      writer.appendUint32(strBytes.length)
      writer.appendBytes(strBytes)
    }
    return
  }
  if (val instanceof Date) {
    writer.appendUint8(13 << 2) // timestamp_micros_ntz
    writer.appendInt64(BigInt(val.getTime()) * 1000n)
    return
  }
  if (val instanceof Uint8Array) {
    writer.appendUint8(15 << 2) // binary
    writer.appendUint32(val.length)
    writer.appendBytes(val)
    return
  }
  if (Array.isArray(val)) {
    writeVariantArray(val, writer, keyIndex, scratchWriters)
    return
  }
  if (typeof val === 'object') {
    writeVariantObject(val, writer, keyIndex, scratchWriters)
    return
  }

  throw new Error(`variant cannot encode value: ${val}`)
}

/**
 * @param {Record<string, any>} obj
 * @param {ByteWriter} writer
 * @param {Map<string, number>} keyIndex
 * @param {ByteWriter[]} scratchWriters
 */
function writeVariantObject(obj, writer, keyIndex, scratchWriters) {
  const entries = Object.keys(obj).filter(key => obj[key] !== undefined).map(key => {
    const id = keyIndex.get(key)
    if (id === undefined) throw new Error(`variant key not in dictionary: ${key}`)
    return { id, key }
  })
  // Sort by field ID for spec compliance
  entries.sort((a, b) => a.id - b.id)

  const numElements = entries.length
  const maxFieldId = numElements > 0 ? entries[numElements - 1].id : 0
  const idWidth = variant_byteWidth(maxFieldId)

  // Encode child values into a scratch writer so we can compute offsets
  const scratch = scratchWriters.pop() ?? new bytewriter_ByteWriter(8)
  const offsets = new Array(numElements + 1)
  offsets[0] = 0
  for (let i = 0; i < numElements; i++) {
    writeValue(obj[entries[i].key], scratch, keyIndex, scratchWriters)
    offsets[i + 1] = scratch.index
  }
  const offsetWidth = variant_byteWidth(offsets[numElements])
  const isLarge = numElements > 255 ? 1 : 0

  // Header: basicType=2, header encodes offsetWidth, idWidth, isLarge
  writer.appendUint8((offsetWidth - 1 | idWidth - 1 << 2 | isLarge << 4) << 2 | 2)
  if (isLarge) writer.appendUint32(numElements)
  else writer.appendUint8(numElements)
  for (const { id } of entries) appendUnsignedLE(writer, id, idWidth)
  for (const off of offsets) appendUnsignedLE(writer, off, offsetWidth)
  writer.appendBytes(scratch.getBytes())
  scratch.index = 0
  scratch.offset = 0
  scratchWriters.push(scratch)
}

/**
 * @param {any[]} arr
 * @param {ByteWriter} writer
 * @param {Map<string, number>} keyIndex
 * @param {ByteWriter[]} scratchWriters
 */
function writeVariantArray(arr, writer, keyIndex, scratchWriters) {
  const numElements = arr.length

  const scratch = scratchWriters.pop() ?? new bytewriter_ByteWriter(8)
  const offsets = new Array(numElements + 1)
  offsets[0] = 0
  for (let i = 0; i < numElements; i++) {
    writeValue(arr[i], scratch, keyIndex, scratchWriters)
    offsets[i + 1] = scratch.index
  }
  const offsetWidth = variant_byteWidth(offsets[numElements])
  const isLarge = numElements > 255 ? 1 : 0

  // Header: basicType=3, header encodes fieldOffsetSize, isLarge
  writer.appendUint8((offsetWidth - 1 | isLarge << 2) << 2 | 3)
  if (isLarge) writer.appendUint32(numElements)
  else writer.appendUint8(numElements)
  for (const off of offsets) appendUnsignedLE(writer, off, offsetWidth)
  writer.appendBytes(scratch.getBytes())
  scratch.index = 0
  scratch.offset = 0
  scratchWriters.push(scratch)
}

/**
 * Determine the minimum byte width needed to represent a value.
 *
 * @param {number} maxValue
 * @returns {number} 1, 2, 3, or 4
 */
function variant_byteWidth(maxValue) {
  if (maxValue <= 0xff) return 1
  if (maxValue <= 0xffff) return 2
  if (maxValue <= 0xffffff) return 3
  return 4
}

/**
 * Write an unsigned integer in little-endian format into a ByteWriter.
 *
 * @param {ByteWriter} writer
 * @param {number} value
 * @param {number} width byte width (1-4)
 */
function appendUnsignedLE(writer, value, width) {
  for (let i = 0; i < width; i++) {
    writer.appendUint8(value >> i * 8 & 0xff)
  }
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-writer/src/schema.js



/**
 * @import {ConvertedType, DecodedArray, FieldRepetitionType, ParquetType, SchemaElement, SchemaTree} from 'hyparquet'
 * @import {BasicType, ColumnSource, ShredType} from '../src/types.js'
 */

/**
 * Infer a schema from column data.
 * Accepts optional schemaOverrides to override the type of columns by name.
 *
 * @param {object} options
 * @param {ColumnSource[]} options.columnData
 * @param {Record<string, SchemaElement>} [options.schemaOverrides]
 * @returns {SchemaElement[]}
 */
function schemaFromColumnData({ columnData, schemaOverrides }) {
  /** @type {SchemaElement[]} */
  const schema = [{
    name: 'root',
    num_children: columnData.length,
  }]

  for (const { name, data, type, nullable, shredding } of columnData) {
    if (schemaOverrides?.[name]) {
      // use schema override
      const override = schemaOverrides[name]
      if (type || nullable !== undefined) {
        throw new Error(`cannot provide both type and schema override for column ${name}`)
      }
      if (override.name !== name) {
        throw new Error(`schema override for column ${name} must have matching name, got ${override.name}`)
      }
      if (override.type === 'FIXED_LEN_BYTE_ARRAY' && !override.type_length) {
        throw new Error('schema override for FIXED_LEN_BYTE_ARRAY must include type_length')
      }
      // TODO: support nested schema overrides
      if (override.num_children) {
        throw new Error('schema override does not support nested types')
      }
      schema.push(override)
    } else if (type === 'VARIANT') {
      // variant group with metadata and value children
      const repetition_type = nullable === false ? 'REQUIRED' : 'OPTIONAL'
      const shreddingConfig = shredding && shredding !== true ? normalizeShreddingConfig(shredding) : undefined
      if (shreddingConfig) {
        schema.push(
          { name, repetition_type, num_children: 3, logical_type: { type: 'VARIANT' } },
          { name: 'metadata', type: 'BYTE_ARRAY', repetition_type: 'REQUIRED' },
          { name: 'value', type: 'BYTE_ARRAY', repetition_type: 'OPTIONAL' },
          ...buildVariantTypedValue(shreddingConfig)
        )
      } else {
        schema.push(
          { name, repetition_type, num_children: 2, logical_type: { type: 'VARIANT' } },
          { name: 'metadata', type: 'BYTE_ARRAY', repetition_type: 'REQUIRED' },
          { name: 'value', type: 'BYTE_ARRAY', repetition_type: 'OPTIONAL' }
        )
      }
    } else if (type) {
      // use provided type
      schema.push(basicTypeToSchemaElement(name, type, nullable))
    } else {
      // auto-detect type from first 1000 values
      schema.push(autoSchemaElement(name, data.slice(0, 1000)))
    }
  }

  return schema
}

/**
 * Build the flat preorder SchemaElement subtree for a shredded variant
 * `typed_value` node, recursively, from a shred type. The first returned element
 * is always named `typed_value`. Supports scalars, object structs, and LIST arrays.
 *
 * @param {ShredType} shredType
 * @returns {SchemaElement[]}
 */
function buildVariantTypedValue(shredType) {
  // Array shred type: single-element array template -> 3-level LIST
  if (Array.isArray(shredType)) {
    return [
      { name: 'typed_value', repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
      { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
      { name: 'element', repetition_type: 'REQUIRED', num_children: 2 },
      { name: 'value', type: 'BYTE_ARRAY', repetition_type: 'OPTIONAL' },
      ...buildVariantTypedValue(shredType[0]),
    ]
  }

  // Object shred type: struct with one optional group per field
  if (typeof shredType === 'object') {
    const fieldNames = Object.keys(shredType)
    /** @type {SchemaElement[]} */
    const elements = [
      { name: 'typed_value', repetition_type: 'OPTIONAL', num_children: fieldNames.length },
    ]
    for (const fieldName of fieldNames) {
      elements.push(
        { name: fieldName, repetition_type: 'OPTIONAL', num_children: 2 },
        { name: 'value', type: 'BYTE_ARRAY', repetition_type: 'OPTIONAL' },
        ...buildVariantTypedValue(shredType[fieldName])
      )
    }
    return elements
  }

  // Scalar shred type: typed leaf
  return [shreddedLeafElement(shredType)]
}

/**
 * Map a BasicType to the typed_value leaf SchemaElement for shredded scalars.
 *
 * @param {BasicType} type
 * @returns {SchemaElement}
 */
function shreddedLeafElement(type) {
  switch (type) {
  case 'STRING':
    return { name: 'typed_value', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' }
  case 'INT32':
    return { name: 'typed_value', type: 'INT32', repetition_type: 'OPTIONAL' }
  case 'INT64':
    return { name: 'typed_value', type: 'INT64', repetition_type: 'OPTIONAL' }
  case 'DOUBLE':
    return { name: 'typed_value', type: 'DOUBLE', repetition_type: 'OPTIONAL' }
  case 'FLOAT':
    return { name: 'typed_value', type: 'FLOAT', repetition_type: 'OPTIONAL' }
  case 'BOOLEAN':
    return { name: 'typed_value', type: 'BOOLEAN', repetition_type: 'OPTIONAL' }
  case 'TIMESTAMP':
    return { name: 'typed_value', type: 'INT64', converted_type: 'TIMESTAMP_MICROS', repetition_type: 'OPTIONAL' }
  default:
    throw new Error(`unsupported shredded field type: ${type}`)
  }
}

/**
 * @param {string} name
 * @param {Exclude<BasicType, 'VARIANT'>} type
 * @param {boolean} [nullable]
 * @returns {SchemaElement}
 */
function basicTypeToSchemaElement(name, type, nullable) {
  const repetition_type = nullable === false ? 'REQUIRED' : 'OPTIONAL'
  if (type === 'STRING') {
    return { name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type }
  }
  if (type === 'JSON') {
    return { name, type: 'BYTE_ARRAY', converted_type: 'JSON', repetition_type }
  }
  if (type === 'TIMESTAMP') {
    return { name, type: 'INT64', converted_type: 'TIMESTAMP_MILLIS', repetition_type }
  }
  if (type === 'UUID') {
    return { name, type: 'FIXED_LEN_BYTE_ARRAY', type_length: 16, logical_type: { type: 'UUID' }, repetition_type }
  }
  if (type === 'FLOAT16') {
    return { name, type: 'FIXED_LEN_BYTE_ARRAY', type_length: 2, logical_type: { type: 'FLOAT16' }, repetition_type }
  }
  if (type === 'GEOMETRY') {
    return { name, type: 'BYTE_ARRAY', logical_type: { type: 'GEOMETRY' }, repetition_type }
  }
  if (type === 'GEOGRAPHY') {
    return { name, type: 'BYTE_ARRAY', logical_type: { type: 'GEOGRAPHY' }, repetition_type }
  }
  return { name, type, repetition_type }
}

/**
 * Automatically determine a SchemaElement from an array of values.
 *
 * @param {string} name the column name
 * @param {DecodedArray} values the column values
 * @returns {SchemaElement}
 */
function autoSchemaElement(name, values) {
  /** @type {ParquetType | undefined} */
  let type
  /** @type {FieldRepetitionType} */
  let repetition_type = 'REQUIRED'
  /** @type {ConvertedType | undefined} */
  let converted_type

  if (values instanceof Int32Array) return { name, type: 'INT32', repetition_type }
  if (values instanceof BigInt64Array) return { name, type: 'INT64', repetition_type }
  if (values instanceof Float32Array) return { name, type: 'FLOAT', repetition_type }
  if (values instanceof Float64Array) return { name, type: 'DOUBLE', repetition_type }

  for (const value of values) {
    if (value === null || value === undefined) {
      repetition_type = 'OPTIONAL'
    } else {
      // value is defined, infer type
      /** @type {ParquetType} */
      let valueType
      /** @type {ConvertedType | undefined} */
      let valueConvertedType
      if (typeof value === 'boolean') valueType = 'BOOLEAN'
      else if (typeof value === 'bigint') valueType = 'INT64'
      else if (Number.isInteger(value)) valueType = 'INT32'
      else if (typeof value === 'number') valueType = 'DOUBLE'
      else if (value instanceof Uint8Array) valueType = 'BYTE_ARRAY'
      else if (typeof value === 'string') {
        valueType = 'BYTE_ARRAY'
        valueConvertedType = 'UTF8'
      }
      else if (value instanceof Date) {
        valueType = 'INT64'
        valueConvertedType = 'TIMESTAMP_MILLIS'
      }
      else if (typeof value === 'object') {
        // use json (TODO: native list and object types)
        valueType = 'BYTE_ARRAY'
        valueConvertedType = 'JSON'
      }
      else throw new Error(`cannot determine parquet type for: ${value}`)

      // expand type if necessary
      if (type === undefined) {
        type = valueType
        converted_type = valueConvertedType
      } else if (type === 'INT32' && valueType === 'DOUBLE') {
        type = 'DOUBLE'
      } else if (type === 'DOUBLE' && valueType === 'INT32') {
        continue
      } else if (type !== valueType || converted_type !== valueConvertedType) {
        throw new Error(`parquet cannot write mixed types: ${converted_type ?? type} and ${valueConvertedType ?? valueType}`)
      }
    }
  }
  if (!type) {
    // fallback to nullable BYTE_ARRAY
    // TODO: logical_type: 'NULL'
    type = 'BYTE_ARRAY'
    repetition_type = 'OPTIONAL'
  }
  return { name, type, repetition_type, converted_type }
}

/**
 * Get the max repetition level for a given schema path.
 *
 * @param {SchemaElement[]} schemaPath
 * @returns {number} max repetition level
 */
function src_schema_getMaxRepetitionLevel(schemaPath) {
  let maxLevel = 0
  for (const element of schemaPath) {
    if (element.repetition_type === 'REPEATED') {
      maxLevel++
    }
  }
  return maxLevel
}

/**
 * Create a function that resolves element paths against a schema.
 * The schema tree is built once, so resolving every column of a wide schema
 * costs O(columns) instead of the O(columns²) of calling getSchemaPath per column.
 *
 * @param {SchemaElement[]} schema
 * @returns {(path: string[]) => SchemaTree[]} schema elements from the root to the named element
 */
function schemaPathResolver(schema) {
  const root = metadata_parquetSchema({ schema })
  /** @type {Map<SchemaTree, Map<string, SchemaTree>>} */
  const childrenByName = new Map()

  return path => {
    let tree = root
    const schemaPath = [tree]
    for (const part of path) {
      let children = childrenByName.get(tree)
      if (!children) {
        children = new Map()
        for (const child of tree.children) {
          // first match wins, like Array.prototype.find
          if (!children.has(child.element.name)) children.set(child.element.name, child)
        }
        childrenByName.set(tree, children)
      }
      const child = children.get(part)
      if (!child) throw new Error(`parquet schema element not found: ${path}`)
      schemaPath.push(child)
      tree = child
    }
    return schemaPath
  }
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-writer/src/splitstream.js
/**
 * Write values using BYTE_STREAM_SPLIT encoding.
 * This encoding writes all first bytes of values, then all second bytes, etc.
 * Can improve compression for floating-point and fixed-width numeric data.
 *
 * @import {DecodedArray, ParquetType} from 'hyparquet'
 * @import {Writer} from '../src/types.js'
 * @param {Writer} writer
 * @param {DecodedArray} values
 * @param {ParquetType} type
 * @param {number | undefined} typeLength
 */
function writeByteStreamSplit(writer, values, type, typeLength) {
  const count = values.length

  // Get bytes from values based on type
  /** @type {Uint8Array} */
  let bytes
  /** @type {number} */
  let width
  if (type === 'FLOAT') {
    const typed = values instanceof Float32Array ? values : new Float32Array(numberArray(values))
    bytes = new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength)
    width = 4
  } else if (type === 'DOUBLE') {
    const typed = values instanceof Float64Array ? values : new Float64Array(numberArray(values))
    bytes = new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength)
    width = 8
  } else if (type === 'INT32') {
    const typed = values instanceof Int32Array ? values : new Int32Array(numberArray(values))
    bytes = new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength)
    width = 4
  } else if (type === 'INT64') {
    const typed = bigIntArray(values)
    bytes = new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength)
    width = 8
  } else if (type === 'FIXED_LEN_BYTE_ARRAY') {
    if (!typeLength) throw new Error('parquet byte_stream_split missing type_length')
    width = typeLength
    bytes = new Uint8Array(count * width)
    for (let i = 0; i < count; i++) {
      bytes.set(values[i], i * width)
    }
  } else {
    throw new Error(`parquet byte_stream_split unsupported type: ${type}`)
  }

  // Write bytes in column format (all byte 0 from all values, then byte 1, etc.)
  for (let b = 0; b < width; b++) {
    for (let i = 0; i < count; i++) {
      writer.appendUint8(bytes[i * width + b])
    }
  }
}

/**
 * @param {DecodedArray} values
 * @returns {number[]}
 */
function numberArray(values) {
  if (Array.isArray(values) && values.every(v => typeof v === 'number')) {
    return values
  }
  throw new Error('Expected number array for BYTE_STREAM_SPLIT encoding')
}

/**
 * @param {DecodedArray} values
 * @returns {BigInt64Array}
 */
function bigIntArray(values) {
  if (values instanceof BigInt64Array) return values
  if (Array.isArray(values) && values.every(v => typeof v === 'bigint')) {
    return new BigInt64Array(values)
  }
  throw new Error('Expected bigint array for BYTE_STREAM_SPLIT encoding')
}


;// CONCATENATED MODULE: ./node_modules/hyparquet-writer/src/datapage.js









/**
 * @param {Object} options
 * @param {Writer} options.writer
 * @param {ColumnEncoder} options.column
 * @param {Encoding} options.encoding
 * @param {PageData} options.pageData
 * @returns {number} uncompressed page size including the header
 */
function writeDataPageV2({ writer, column, encoding, pageData }) {
  const { columnName, element, codec, compressors } = column
  const { type, type_length, repetition_type } = element

  if (!type) throw new Error(`column ${columnName} cannot determine type`)
  if (repetition_type === 'REPEATED') throw new Error(`column ${columnName} repeated types not supported`)

  // write levels to temp buffer
  const levelWriter = new bytewriter_ByteWriter()
  const {
    definition_levels_byte_length,
    repetition_levels_byte_length,
    num_nulls,
    num_values,
    num_rows,
  } = writeLevels(levelWriter, column, pageData)

  // TODO: skip nulls while writing instead of filtering
  const nonnull = num_nulls ? pageData.values.filter(v => v !== null && v !== undefined) : pageData.values

  // write page data to temp buffer
  const page = new bytewriter_ByteWriter()
  if (encoding === 'PLAIN') {
    writePlain(page, nonnull, type, type_length)
  } else if (encoding === 'RLE') {
    if (type !== 'BOOLEAN') throw new Error('RLE encoding only supported for BOOLEAN type')
    const rleData = new bytewriter_ByteWriter()
    writeRleBitPackedHybrid(rleData, nonnull, 1)
    page.appendUint32(rleData.offset) // prepend byte length
    page.appendBytes(rleData.getBytes())
  } else if (encoding === 'PLAIN_DICTIONARY' || encoding === 'RLE_DICTIONARY') {
    // find max bitwidth
    let maxValue = 0
    for (const v of nonnull) if (v > maxValue) maxValue = v
    const bitWidth = Math.ceil(Math.log2(maxValue + 1))
    page.appendUint8(bitWidth) // prepend bitWidth
    writeRleBitPackedHybrid(page, nonnull, bitWidth)
  } else if (encoding === 'DELTA_BINARY_PACKED') {
    if (type !== 'INT32' && type !== 'INT64') {
      throw new Error('DELTA_BINARY_PACKED encoding only supported for INT32 and INT64 types')
    }
    deltaBinaryPack(page, nonnull, type)
  } else if (encoding === 'DELTA_LENGTH_BYTE_ARRAY') {
    if (type !== 'BYTE_ARRAY') {
      throw new Error('DELTA_LENGTH_BYTE_ARRAY encoding only supported for BYTE_ARRAY type')
    }
    delta_deltaLengthByteArray(page, nonnull)
  } else if (encoding === 'DELTA_BYTE_ARRAY') {
    if (type !== 'BYTE_ARRAY') {
      throw new Error('DELTA_BYTE_ARRAY encoding only supported for BYTE_ARRAY type')
    }
    delta_deltaByteArray(page, nonnull)
  } else if (encoding === 'BYTE_STREAM_SPLIT') {
    writeByteStreamSplit(page, nonnull, type, type_length)
  } else {
    throw new Error(`parquet unsupported encoding: ${encoding}`)
  }

  // compress page data
  const pageBytes = page.getBytes()
  const compressedBytes = compressors[codec]?.(pageBytes) ?? pageBytes

  // write page header
  const headerStart = writer.offset
  writePageHeader(writer, {
    type: 'DATA_PAGE_V2',
    uncompressed_page_size: levelWriter.offset + page.offset,
    compressed_page_size: levelWriter.offset + compressedBytes.length,
    data_page_header_v2: {
      num_values,
      num_nulls,
      num_rows,
      encoding,
      definition_levels_byte_length,
      repetition_levels_byte_length,
      is_compressed: !!codec,
      // is there benefit to page statistics here?
    },
  })

  const headerSize = writer.offset - headerStart

  // write levels
  writer.appendBytes(levelWriter.getBytes())

  // write page data
  writer.appendBytes(compressedBytes)
  return headerSize + levelWriter.offset + page.offset
}

/**
 * @param {Writer} writer
 * @param {PageHeader} header
 */
function writePageHeader(writer, header) {
  /** @type {ThriftObject} */
  const compact = {
    field_1: src_constants_PageTypes.indexOf(header.type),
    field_2: header.uncompressed_page_size,
    field_3: header.compressed_page_size,
    field_4: header.crc,
    field_5: header.data_page_header && {
      field_1: header.data_page_header.num_values,
      field_2: src_constants_Encodings.indexOf(header.data_page_header.encoding),
      field_3: src_constants_Encodings.indexOf(header.data_page_header.definition_level_encoding),
      field_4: src_constants_Encodings.indexOf(header.data_page_header.repetition_level_encoding),
      // field_5: header.data_page_header.statistics,
    },
    field_7: header.dictionary_page_header && {
      field_1: header.dictionary_page_header.num_values,
      field_2: src_constants_Encodings.indexOf(header.dictionary_page_header.encoding),
    },
    field_8: header.data_page_header_v2 && {
      field_1: header.data_page_header_v2.num_values,
      field_2: header.data_page_header_v2.num_nulls,
      field_3: header.data_page_header_v2.num_rows,
      field_4: src_constants_Encodings.indexOf(header.data_page_header_v2.encoding),
      field_5: header.data_page_header_v2.definition_levels_byte_length,
      field_6: header.data_page_header_v2.repetition_levels_byte_length,
      field_7: header.data_page_header_v2.is_compressed ? undefined : false, // default true
    },
  }
  serializeTCompactProtocol(writer, compact)
}

/**
 * @import {DecodedArray, Encoding, PageHeader} from 'hyparquet'
 * @import {ColumnEncoder, PageData, ThriftObject, Writer} from '../src/types.js'
 * @param {Writer} writer
 * @param {ColumnEncoder} column
 * @param {PageData} dataPage
 * @returns {{
 *   definition_levels_byte_length: number
 *   repetition_levels_byte_length: number
 *   num_values: number
 *   num_nulls: number
 *   num_rows: number
 * }}
 */
function writeLevels(writer, column, dataPage) {
  const { schemaPath } = column
  const { values, definitionLevels, repetitionLevels, maxDefinitionLevel } = dataPage
  const num_values = definitionLevels.length || values.length
  let num_nulls = 0
  let num_rows = 0
  if (repetitionLevels.length) {
    for (let i = 0; i < repetitionLevels.length; i++) {
      if (repetitionLevels[i] === 0) num_rows++
    }
  } else {
    num_rows = values.length
  }
  if (definitionLevels.length) {
    for (let i = 0; i < definitionLevels.length; i++) {
      if (definitionLevels[i] < maxDefinitionLevel) num_nulls++
    }
  }

  const maxRepetitionLevel = src_schema_getMaxRepetitionLevel(schemaPath)
  let repetition_levels_byte_length = 0
  if (maxRepetitionLevel) {
    const bitWidth = Math.ceil(Math.log2(maxRepetitionLevel + 1))
    repetition_levels_byte_length = writeRleBitPackedHybrid(writer, repetitionLevels, bitWidth)
  }

  let definition_levels_byte_length = 0
  if (maxDefinitionLevel) {
    const bitWidth = Math.ceil(Math.log2(maxDefinitionLevel + 1))
    definition_levels_byte_length = writeRleBitPackedHybrid(writer, definitionLevels, bitWidth)
  }
  return { definition_levels_byte_length, repetition_levels_byte_length, num_values, num_nulls, num_rows }
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-writer/src/dictionary.js




const dictionary_textEncoder = new TextEncoder()

/**
 * @import {DecodedArray, Encoding, ParquetType} from 'hyparquet'
 * @import {ColumnEncoder, Writer} from './types.js'
 */

/**
 * Estimate the byte size of a value for page size calculation.
 *
 * @param {any} value
 * @param {ParquetType} type
 * @param {number} [type_length]
 * @returns {number}
 */
function estimateValueSize(value, type, type_length) {
  if (value === null || value === undefined) return 0
  if (type === 'BOOLEAN') return 0.125
  if (type === 'INT32' || type === 'FLOAT') return 4
  if (type === 'INT64' || type === 'DOUBLE') return 8
  if (type === 'INT96') return 12
  if (type === 'FIXED_LEN_BYTE_ARRAY') return type_length ?? 0
  if (type === 'BYTE_ARRAY') {
    if (value instanceof Uint8Array) return value.byteLength
    if (typeof value === 'string') return value.length
  }
  return 0
}

/**
 * FNV-1a hash of a byte array, used to bucket byte-array dictionary values
 * without allocating a string key per value.
 *
 * @param {Uint8Array} bytes
 * @returns {number}
 */
function hashBytes(bytes) {
  let h = 0x811c9dc5
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i]
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/**
 * @param {Uint8Array} a
 * @param {Uint8Array} b
 * @returns {boolean}
 */
function bytesEqual(a, b) {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return false
  }
  return true
}

// Sampling only rejects columns that are very likely to lose. Columns in the
// uncertain middle are decided by the complete-column win check below.
const sampleRejectionRatio = 0.9

/**
 * Decide whether to dictionary-encode a column, and if so build the dictionary
 * and per-row indexes. Returns {} to fall back to plain encoding.
 *
 * Sampling is spread across the complete column chunk and weighted by value
 * bytes. It only rejects columns whose sampled distinct bytes exceed 90% of
 * sampled value bytes. Other columns are built and kept when distinct-value
 * bytes are at most half the total value bytes, so dictionary encoding offers
 * a material win. There is no fixed size cap by default; a low-cardinality
 * column of large values is exactly where a big dictionary pays for itself,
 * and capping it at page size caused 20-100x file bloat (#35). Callers can
 * still impose a hard cap via `dictionarySize`.
 *
 * When `encoding` explicitly requests RLE_DICTIONARY, the dictionary is built
 * unconditionally (no sampling, no size or win checks), so the written pages
 * always match the requested encoding.
 *
 * @param {DecodedArray} values
 * @param {ParquetType} type
 * @param {number | undefined} type_length
 * @param {Encoding | undefined} encoding
 * @param {number} [dictionarySize] - optional hard cap on distinct-value bytes
 * @param {boolean} [required] - reject null or undefined values
 * @returns {{ dictionary?: any[], indexes?: number[] }}
 */
function useDictionary(values, type, type_length, encoding, dictionarySize, required) {
  if (encoding && encoding !== 'RLE_DICTIONARY') return {}
  if (type === 'BOOLEAN') return {}
  const forced = encoding === 'RLE_DICTIONARY'
  const byteArrayPrefixSize = type === 'BYTE_ARRAY' ? 4 : 0

  // Estimate distinct-value bytes from a sample spread over the complete
  // column. Byte arrays are keyed by hash so distinct Uint8Array objects with
  // identical bytes count as one (a plain Set would key them by object
  // identity). Null/undefined contribute no encoded value bytes.
  if (!forced) {
    const sampleSize = Math.min(values.length, 1000)
    const sampleSizes = new Map()
    const sampleHashes = new Map()
    let sampleDictionarySize = 0
    let sampleTotalSize = 0
    for (let i = 0; i < sampleSize; i++) {
      const sampleIndex = sampleSize === 1 ? 0 : Math.floor(i * (values.length - 1) / (sampleSize - 1))
      const value = values[sampleIndex]
      let key = value
      if (value instanceof Uint8Array) {
        key = sampleHashes.get(value)
        if (key === undefined) {
          key = hashBytes(value)
          sampleHashes.set(value, key)
        }
      }
      let valueSize = sampleSizes.get(key)
      if (valueSize === undefined) {
        valueSize = estimateValueSize(value, type, type_length)
          + (value === null || value === undefined ? 0 : byteArrayPrefixSize)
        sampleSizes.set(key, valueSize)
        sampleDictionarySize += valueSize
      }
      sampleTotalSize += valueSize
    }
    if (!sampleTotalSize || sampleDictionarySize / sampleTotalSize > sampleRejectionRatio) return {}
  }

  // build dictionary and indexes. Primitives (string/number/bigint) dedupe by
  // value; byte arrays dedupe by content via hash buckets with an exact
  // byte-equality check (hashes can collide).
  /** @type {any[]} */
  const dictionary = []
  /** @type {number[]} */
  const indexes = new Array(values.length)
  /** @type {Map<any, number>} */
  const valueIndex = new Map()
  /** @type {number[]} */
  const valueSizes = []
  /** @type {Map<number, number[]>} */
  const hashBuckets = new Map()
  let dictSize = 0
  let physicalDictSize = 0
  let totalSize = 0
  let nonNullCount = 0
  for (let i = 0; i < values.length; i++) {
    const value = values[i]
    if (value === null || value === undefined) {
      if (required) throw new Error('parquet required value is undefined')
      continue
    }
    nonNullCount++

    let index
    if (value instanceof Uint8Array) {
      totalSize += value.byteLength
      index = valueIndex.get(value)
      if (index !== undefined) {
        indexes[i] = index
        continue
      }
      const hash = hashBytes(value)
      const bucket = hashBuckets.get(hash)
      if (bucket) {
        for (const j of bucket) {
          if (bytesEqual(dictionary[j], value)) { index = j; break }
        }
      }
      if (index === undefined) {
        dictSize += value.byteLength
        if (!forced && dictionarySize) {
          physicalDictSize += value.byteLength
          if (physicalDictSize > dictionarySize) return {}
        }
        index = dictionary.length
        dictionary.push(value)
        if (bucket) bucket.push(index)
        else hashBuckets.set(hash, [index])
      }
      valueIndex.set(value, index)
    } else {
      index = valueIndex.get(value)
      const valueSize = index === undefined
        ? estimateValueSize(value, type, type_length)
        : valueSizes[index]
      totalSize += valueSize
      if (index === undefined) {
        dictSize += valueSize
        if (!forced && dictionarySize) {
          physicalDictSize += typeof value === 'string' ? dictionary_textEncoder.encode(value).byteLength : valueSize
          if (physicalDictSize > dictionarySize) return {}
        }
        index = dictionary.length
        dictionary.push(value)
        valueSizes[index] = valueSize
        valueIndex.set(value, index)
      }
    }
    indexes[i] = index
  }

  // An automatic dictionary plus its bit-packed indexes must at least halve
  // the PLAIN value bytes. BYTE_ARRAY values have a four-byte length prefix
  // per occurrence in PLAIN and per distinct value in the dictionary.
  const bitWidth = Math.ceil(Math.log2(dictionary.length))
  const indexSize = Math.ceil(nonNullCount * bitWidth / 8)
  const plainSize = totalSize + nonNullCount * byteArrayPrefixSize
  const dictionaryValueSize = dictSize + dictionary.length * byteArrayPrefixSize
  if (!forced && 2 * (dictionaryValueSize + indexSize) > plainSize) return {}

  // TODO: sort by frequency?
  return { dictionary, indexes }
}

/**
 * @param {Writer} writer
 * @param {ColumnEncoder} column
 * @param {DecodedArray} dictionary
 * @returns {number} uncompressed page size including the header
 */
function writeDictionaryPage(writer, column, dictionary) {
  const { element, codec, compressors } = column
  const { type, type_length } = element
  if (!type) throw new Error(`column ${column.columnName} cannot determine type`)

  // write values to temp buffer
  const dictionaryPage = new bytewriter_ByteWriter()
  writePlain(dictionaryPage, dictionary, type, type_length)
  const dictionaryBytes = dictionaryPage.getBytes()

  // compress dictionary page data
  const compressedBytes = compressors[codec]?.(dictionaryBytes) ?? dictionaryBytes

  // write dictionary page header
  const headerStart = writer.offset
  writePageHeader(writer, {
    type: 'DICTIONARY_PAGE',
    uncompressed_page_size: dictionaryBytes.byteLength,
    compressed_page_size: compressedBytes.byteLength,
    dictionary_page_header: {
      num_values: dictionary.length,
      encoding: 'PLAIN',
    },
  })
  const headerSize = writer.offset - headerStart
  writer.appendBytes(compressedBytes)
  return headerSize + dictionaryBytes.byteLength
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-writer/src/geospatial.js
/**
 * Compute geospatial statistics for GEOMETRY and GEOGRAPHY columns.
 *
 * @import {BoundingBox, DecodedArray, Geometry, GeospatialStatistics} from 'hyparquet/src/types.js'
 * @param {DecodedArray} values
 * @returns {GeospatialStatistics | undefined}
 */
function geospatialStatistics(values) {
  /** @type {Set<number>} */
  const typeCodes = new Set()
  /** @type {Partial<BoundingBox> | undefined} */
  let partial

  for (const value of values) {
    if (value === null || value === undefined) continue
    if (typeof value !== 'object') {
      throw new Error('geospatial column expects GeoJSON geometries')
    }
    partial = extendBoundsFromGeometry(partial, value)
    typeCodes.add(geometryTypeCodeWithDimension(value))
  }

  // If either the X or Y dimension has no finite values, the bounding box itself is not produced
  /** @type {BoundingBox | undefined} */
  let bbox
  const { xmin, ymin, xmax, ymax } = partial ?? {}
  if (xmin !== undefined && ymin !== undefined && xmax !== undefined && ymax !== undefined) {
    bbox = { ...partial, xmin, ymin, xmax, ymax }
  }

  if (typeCodes.size || bbox) {
    return {
      bbox,
      // Geospatial type codes of all instances, or an empty list if not known
      geospatial_types: typeCodes.size ? Array.from(typeCodes).sort((a, b) => a - b) : [],
    }
  }
}

/**
 * @param {Partial<BoundingBox> | undefined} bbox
 * @param {Geometry} geometry
 * @returns {Partial<BoundingBox> | undefined}
 */
function extendBoundsFromGeometry(bbox, geometry) {
  if (geometry.type === 'GeometryCollection') {
    for (const child of geometry.geometries || []) {
      bbox = extendBoundsFromGeometry(bbox, child)
    }
    return bbox
  }
  return extendBoundsFromCoordinates(bbox, geometry.coordinates)
}

/**
 * Recurse through nested coordinate arrays. At a leaf position [x,y,(z),(m)],
 * each dimension is filtered independently. NaN/non-finite values in one
 * dimension does not skip the others.
 * @param {Partial<BoundingBox> | undefined} bbox
 * @param {any[]} coordinates
 * @returns {Partial<BoundingBox> | undefined}
 */
function extendBoundsFromCoordinates(bbox, coordinates) {
  if (typeof coordinates[0] === 'number') {
    // Expand bbox
    bbox = updateAxis(bbox, 'xmin', 'xmax', coordinates[0])
    bbox = updateAxis(bbox, 'ymin', 'ymax', coordinates[1])
    if (coordinates.length > 2) bbox = updateAxis(bbox, 'zmin', 'zmax', coordinates[2])
    if (coordinates.length > 3) bbox = updateAxis(bbox, 'mmin', 'mmax', coordinates[3])
    return bbox
  }
  for (const child of coordinates) {
    bbox = extendBoundsFromCoordinates(bbox, child)
  }
  return bbox
}

/**
 * @param {Partial<BoundingBox> | undefined} bbox
 * @param {'xmin' | 'ymin' | 'zmin' | 'mmin'} minKey
 * @param {'xmax' | 'ymax' | 'zmax' | 'mmax'} maxKey
 * @param {number | undefined} value
 * @returns {Partial<BoundingBox> | undefined}
 */
function updateAxis(bbox, minKey, maxKey, value) {
  if (value === undefined || !Number.isFinite(value)) return bbox
  if (!bbox) bbox = {}
  const min = bbox[minKey]
  const max = bbox[maxKey]
  if (min === undefined || value < min) bbox[minKey] = value
  if (max === undefined || value > max) bbox[maxKey] = value
  return bbox
}

/**
 * @param {Geometry} geometry
 * @returns {number}
 */
function geometryTypeCodeWithDimension(geometry) {
  const base = geometryTypeCodes[geometry.type]
  if (base === undefined) throw new Error(`unknown geometry type: ${geometry.type}`)
  const dim = inferGeometryDimensions(geometry)
  if (dim === 2) return base
  if (dim === 3) return base + 1000
  if (dim === 4) return base + 3000
  throw new Error(`unsupported geometry dimensions: ${dim}`)
}

const geometryTypeCodes = {
  Point: 1,
  LineString: 2,
  Polygon: 3,
  MultiPoint: 4,
  MultiLineString: 5,
  MultiPolygon: 6,
  GeometryCollection: 7,
}

/**
 * Determine the maximum coordinate dimensions for the geometry.
 * @param {Geometry} geometry
 * @returns {number}
 */
function inferGeometryDimensions(geometry) {
  if (geometry.type === 'GeometryCollection') {
    let maxDim = 0
    for (const child of geometry.geometries || []) {
      maxDim = Math.max(maxDim, inferGeometryDimensions(child))
    }
    return maxDim || 2
  }
  return inferCoordinateDimensions(geometry.coordinates)
}

/**
 * @param {any[]} value
 * @returns {number}
 */
function inferCoordinateDimensions(value) {
  if (!value.length) return 2
  if (typeof value[0] === 'number') return value.length
  let maxDim = 0
  for (const item of value) {
    maxDim = Math.max(maxDim, inferCoordinateDimensions(item))
  }
  return maxDim || 2
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-writer/node_modules/hyparquet/src/utils.js
/**
 * @import {AsyncBuffer, Awaitable, DecodedArray} from '../src/types.js'
 */



/**
 * Replace bigint, date, etc with legal JSON types.
 *
 * @param {any} obj object to convert
 * @returns {unknown} converted object
 */
function toJson(obj) {
  if (obj === undefined) return null
  if (typeof obj === 'bigint') return Number(obj)
  if (Object.is(obj, -0)) return 0
  if (Array.isArray(obj)) return obj.map(toJson)
  if (obj instanceof Uint8Array) return Array.from(obj)
  if (obj instanceof Date) return obj.toISOString()
  if (obj instanceof Object) {
    /** @type {Record<string, unknown>} */
    const newObj = {}
    for (const key of Object.keys(obj)) {
      if (obj[key] === undefined) continue
      newObj[key] = toJson(obj[key])
    }
    return newObj
  }
  return obj
}

/**
 * Concatenate two arrays fast.
 *
 * @param {any[]} aaa
 * @param {DecodedArray} bbb
 */
function concat(aaa, bbb) {
  const chunk = 10000
  for (let i = 0; i < bbb.length; i += chunk) {
    aaa.push(...bbb.slice(i, i + chunk))
  }
}

/**
 * Deep equality.
 *
 * @param {any} a
 * @param {any} b
 * @param {boolean} [strict]
 * @returns {boolean}
 */
function equals(a, b, strict = true) {
  // eslint-disable-next-line eqeqeq
  if (strict ? a === b : a == b) return true
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false

  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    if (a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) {
      if (a[i] !== b[i]) return false
    }
    return true
  }
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime()
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) {
      if (!equals(a[i], b[i], strict)) return false
    }
    return true
  }

  const aKeys = Object.keys(a)
  if (aKeys.length !== Object.keys(b).length) return false
  for (const k of aKeys) {
    if (!equals(a[k], b[k], strict)) return false
  }
  return true
}

/**
 * Get the byte length using fetch with a ranged GET request.
 * Aborts the request if server returns 200 instead of 206.
 *
 * @param {string} url
 * @param {RequestInit} [requestInit] fetch options
 * @param {typeof globalThis.fetch} [fetchFn] fetch function to use
 * @returns {Promise<number>}
 */
async function byteLengthFromUrlUsingGet(url, requestInit = {}, fetchFn = globalThis.fetch) {
  const controller = new AbortController()
  const headers = new Headers(requestInit.headers)
  headers.set('Range', 'bytes=0-0')

  const res = await fetchFn(url, {
    ...requestInit,
    headers,
    signal: controller.signal,
  })

  if (!res.ok) throw new Error(`fetch with range failed ${res.status}`)

  // Server supports Range requests (206 Partial Content)
  if (res.status === 206) {
    const contentRange = res.headers.get('Content-Range')
    if (!contentRange) throw new Error('missing content-range header')

    // Parse "bytes 0-0/9446073" to get total length
    const match = contentRange.match(/bytes \d+-\d+\/(\d+)/)
    if (!match) throw new Error(`invalid content-range header: ${contentRange}`)

    return parseInt(match[1])
  }

  // Server ignored Range and returned 200 - get Content-Length and abort request
  if (res.status === 200) {
    const contentLength = res.headers.get('Content-Length')

    // Abort the request to stop any ongoing download
    controller.abort()

    if (contentLength) return parseInt(contentLength)
  }

  throw new Error('server does not support range requests and missing content-length')
}

/**
 * Get the byte length of a URL using a HEAD request.
 * If HEAD fails with 403 (e.g., with signed S3 URLs), falls back to a ranged GET request.
 * If HEAD succeeds but Content-Length is missing, falls back to GET with range.
 * If requestInit is provided, it will be passed to fetch.
 *
 * @param {string} url
 * @param {RequestInit} [requestInit] fetch options
 * @param {typeof globalThis.fetch} [customFetch] fetch function to use
 * @returns {Promise<number>}
 */
async function byteLengthFromUrl(url, requestInit, customFetch) {
  const fetch = customFetch ?? globalThis.fetch
  const res = await fetch(url, { ...requestInit, method: 'HEAD' })

  // If HEAD request is forbidden (common with signed S3 URLs), try GET with range
  if (res.status === 403) {
    return byteLengthFromUrlUsingGet(url, requestInit, fetch)
  }

  if (!res.ok) throw new Error(`fetch head failed ${res.status}`)
  const length = res.headers.get('Content-Length')
  // If Content-Length is missing from HEAD, fallback to GET with range
  if (!length) {
    return byteLengthFromUrlUsingGet(url, requestInit, fetch)
  }
  return parseInt(length)
}

/**
 * Construct an AsyncBuffer for a URL.
 * If byteLength is not provided, will make a HEAD request to get the file size.
 * If fetch is provided, it will be used instead of the global fetch.
 * If requestInit is provided, it will be passed to fetch.
 *
 * @param {object} options
 * @param {string} options.url
 * @param {number} [options.byteLength]
 * @param {typeof globalThis.fetch} [options.fetch] fetch function to use
 * @param {RequestInit} [options.requestInit]
 * @returns {Promise<AsyncBuffer>}
 */
async function asyncBufferFromUrl({ url, byteLength, requestInit, fetch: customFetch }) {
  if (!url) throw new Error('missing url')
  const fetch = customFetch ?? globalThis.fetch
  // byte length from HEAD request
  byteLength ??= await byteLengthFromUrl(url, requestInit, fetch)

  /**
   * A promise for the whole buffer, if range requests are not supported.
   * @type {Promise<ArrayBuffer>|undefined}
   */
  let buffer = undefined
  const init = requestInit || {}

  return {
    byteLength,
    async slice(start, end) {
      if (buffer) {
        return buffer.then(buffer => buffer.slice(start, end))
      }

      const headers = new Headers(init.headers)
      const endStr = end === undefined ? '' : end - 1
      headers.set('Range', `bytes=${start}-${endStr}`)

      const res = await fetch(url, { ...init, headers })
      if (!res.ok || !res.body) throw new Error(`fetch failed ${res.status}`)

      if (res.status === 200) {
        // Endpoint does not support range requests and returned the whole object
        buffer = res.arrayBuffer()
        return buffer.then(buffer => buffer.slice(start, end))
      } else if (res.status === 206) {
        // The endpoint supports range requests and sent us the requested range
        return res.arrayBuffer()
      } else {
        throw new Error(`fetch received unexpected status code ${res.status}`)
      }
    },
  }
}

/**
 * Returns a cached layer on top of an AsyncBuffer. For caching slices of a file
 * that are read multiple times, possibly over a network.
 *
 * @param {AsyncBuffer} file file-like object to cache
 * @param {{ minSize?: number }} [options]
 * @returns {AsyncBuffer} cached file-like object
 */
function cachedAsyncBuffer({ byteLength, slice }, { minSize = defaultInitialFetchSize } = {}) {
  if (byteLength < minSize) {
    // Cache whole file if it's small
    const buffer = slice(0, byteLength)
    return {
      byteLength,
      async slice(start, end) {
        return (await buffer).slice(start, end)
      },
    }
  }
  const cache = new Map()
  return {
    byteLength,
    /**
     * @param {number} start
     * @param {number} [end]
     * @returns {Awaitable<ArrayBuffer>}
     */
    slice(start, end) {
      const key = cacheKey(start, end, byteLength)
      const cached = cache.get(key)
      if (cached) return cached
      // cache miss, read from file
      const promise = slice(start, end)
      cache.set(key, promise)
      return promise
    },
  }
}


/**
 * Returns canonical cache key for a byte range 'start,end'.
 * Normalize int-range and suffix-range requests to the same key.
 *
 * @param {number} start start byte of range
 * @param {number} [end] end byte of range, or undefined for suffix range
 * @param {number} [size] size of file, or undefined for suffix range
 * @returns {string}
 */
function cacheKey(start, end, size) {
  if (start < 0) {
    if (end !== undefined) throw new Error(`invalid suffix range [${start}, ${end}]`)
    if (size === undefined) return `${start},`
    return `${size + start},${size}`
  } else if (end !== undefined) {
    if (start > end) throw new Error(`invalid empty range [${start}, ${end}]`)
    return `${start},${end}`
  } else if (size === undefined) {
    return `${start},`
  } else {
    return `${start},${size}`
  }
}

/**
 * Flatten a list of lists into a single list.
 *
 * @param {DecodedArray[]} [chunks]
 * @returns {DecodedArray}
 */
function flatten(chunks) {
  if (!chunks) return []
  if (chunks.length === 1) return chunks[0]
  /** @type {any[]} */
  const output = []
  for (const chunk of chunks) {
    concat(output, chunk)
  }
  return output
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-writer/src/wkb.js


/**
 * @import {Geometry, Position} from 'hyparquet/src/types.js'
 */

/**
 * Serialize a GeoJSON geometry into ISO WKB.
 *
 * @param {Geometry} geometry
 * @returns {Uint8Array}
 */
function geojsonToWkb(geometry) {
  const writer = new bytewriter_ByteWriter()
  writeGeometry(writer, geometry)
  return writer.getBytes()
}

/**
 * @param {ByteWriter} writer
 * @param {Geometry} geometry
 */
function writeGeometry(writer, geometry) {
  if (typeof geometry !== 'object') {
    throw new Error('geometry values must be GeoJSON geometries')
  }
  const typeCode = geometryTypeCode(geometry.type)

  // infer dimensions
  const dim = wkb_inferGeometryDimensions(geometry)
  let flag = 0
  if (dim === 3) flag = 1
  else if (dim === 4) flag = 3
  else if (dim > 4) throw new Error(`unsupported geometry dimensions: ${dim}`)

  writer.appendUint8(1) // little endian
  writer.appendUint32(typeCode + flag * 1000)

  if (geometry.type === 'Point') {
    writePosition(writer, geometry.coordinates, dim)
  } else if (geometry.type === 'LineString') {
    writeLine(writer, geometry.coordinates, dim)
  } else if (geometry.type === 'Polygon') {
    writer.appendUint32(geometry.coordinates.length)
    for (const ring of geometry.coordinates) {
      writeLine(writer, ring, dim)
    }
  } else if (geometry.type === 'MultiPoint') {
    writer.appendUint32(geometry.coordinates.length)
    for (const coordinates of geometry.coordinates) {
      writeGeometry(writer, { type: 'Point', coordinates })
    }
  } else if (geometry.type === 'MultiLineString') {
    writer.appendUint32(geometry.coordinates.length)
    for (const coordinates of geometry.coordinates) {
      writeGeometry(writer, { type: 'LineString', coordinates })
    }
  } else if (geometry.type === 'MultiPolygon') {
    writer.appendUint32(geometry.coordinates.length)
    for (const coordinates of geometry.coordinates) {
      writeGeometry(writer, { type: 'Polygon', coordinates })
    }
  } else if (geometry.type === 'GeometryCollection') {
    writer.appendUint32(geometry.geometries.length)
    for (const child of geometry.geometries) {
      writeGeometry(writer, child)
    }
  } else {
    throw new Error('unsupported geometry type')
  }
}

/**
 * @param {ByteWriter} writer
 * @param {Position} position
 * @param {number} dim
 */
function writePosition(writer, position, dim) {
  if (position.length < dim) {
    throw new Error('geometry position dimensions mismatch')
  }
  for (let i = 0; i < dim; i++) {
    writer.appendFloat64(position[i])
  }
}

/**
 * @param {ByteWriter} writer
 * @param {Position[]} coordinates
 * @param {number} dim
 */
function writeLine(writer, coordinates, dim) {
  writer.appendUint32(coordinates.length)
  for (const position of coordinates) {
    writePosition(writer, position, dim)
  }
}

/**
 * @param {Geometry['type']} type
 * @returns {number}
 */
function geometryTypeCode(type) {
  if (type === 'Point') return 1
  if (type === 'LineString') return 2
  if (type === 'Polygon') return 3
  if (type === 'MultiPoint') return 4
  if (type === 'MultiLineString') return 5
  if (type === 'MultiPolygon') return 6
  if (type === 'GeometryCollection') return 7
  throw new Error(`unknown geometry type: ${type}`)
}

/**
 * Determine the maximum coordinate dimensions for the geometry.
 *
 * @param {Geometry} geometry
 * @returns {number}
 */
function wkb_inferGeometryDimensions(geometry) {
  if (geometry.type === 'GeometryCollection') {
    let maxDim = 0
    for (const child of geometry.geometries) {
      maxDim = Math.max(maxDim, wkb_inferGeometryDimensions(child))
    }
    return maxDim || 2
  }
  return wkb_inferCoordinateDimensions(geometry.coordinates)
}

/**
 * @param {any} value
 * @returns {number}
 */
function wkb_inferCoordinateDimensions(value) {
  if (!Array.isArray(value)) return 2
  if (!value.length) return 2
  if (typeof value[0] === 'number') return value.length
  let maxDim = 0
  for (const item of value) {
    maxDim = Math.max(maxDim, wkb_inferCoordinateDimensions(item))
  }
  return maxDim || 2
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-writer/src/unconvert.js



/**
 * @import {DecodedArray, SchemaElement} from 'hyparquet'
 * @import {MinMaxType} from 'hyparquet/src/types.js'
 * @import {ChunkStatistics, ThriftObject} from '../src/types.js'
 */

const dayMillis = 86400000 // 1 day in milliseconds

/**
 * Convert values while reusing the result for repeated primitives or object
 * references. This prevents repeated logical values from retaining a separate
 * byte array for every row. The cache is released when conversion returns.
 *
 * @param {DecodedArray} values
 * @param {(value: any) => any} convert
 * @returns {any[]}
 */
function mapConverted(values, convert) {
  const cache = new Map()
  return Array.from(values, value => {
    if (cache.has(value)) return cache.get(value)
    const result = convert(value)
    cache.set(value, result)
    return result
  })
}

/**
 * Convert from rich to primitive types.
 *
 * @param {SchemaElement} element
 * @param {DecodedArray} values
 * @returns {DecodedArray}
 */
function unconvert(element, values) {
  const { type, converted_type: ctype, logical_type: ltype } = element
  if (ctype === 'DECIMAL') {
    const factor = 10 ** (element.scale || 0)
    return Array.from(values, v => {
      if (v === null || v === undefined) return v
      // A bigint is the already-scaled unscaled value, so it is written as-is.
      // Scaling a number goes through float64, which cannot hold every DECIMAL.
      if (typeof v === 'bigint') return unconvertDecimal(element, v)
      if (typeof v !== 'number') throw new Error('DECIMAL must be a number or bigint')
      return unconvertDecimal(element, BigInt(Math.round(v * factor)))
    })
  }
  if (ctype === 'DATE') {
    return Array.from(values).map(v => {
      if (v instanceof Date) return Math.floor(v.getTime() / dayMillis)
      return v
    })
  }
  if (ctype === 'TIMESTAMP_MILLIS') {
    return Array.from(values).map(v => {
      if (v === null || v === undefined) return v
      if (v instanceof Date) return BigInt(v.getTime())
      return BigInt(v)
    })
  }
  if (ctype === 'TIMESTAMP_MICROS') {
    return Array.from(values).map(v => {
      if (v === null || v === undefined) return v
      if (v instanceof Date) return BigInt(v.getTime() * 1000)
      return BigInt(v)
    })
  }
  if (ctype === 'JSON') {
    if (!Array.isArray(values)) throw new Error('JSON must be an array')
    const encoder = new TextEncoder()
    return mapConverted(
      values,
      v => v === null || v === undefined ? v : encoder.encode(JSON.stringify(toJson(v)))
    )
  }
  if (ctype === 'UTF8') {
    if (!Array.isArray(values)) throw new Error('strings must be an array')
    const encoder = new TextEncoder()
    return values.map(v => typeof v === 'string' ? encoder.encode(v) : v)
  }
  if (ctype === 'UINT_32' || ltype?.type === 'INTEGER' && ltype.bitWidth === 32 && !ltype.isSigned) {
    if (values instanceof Uint32Array) return values
    if (values instanceof Int32Array) return new Uint32Array(values.buffer, values.byteOffset, values.length)
    return Array.from(values).map(v => {
      if (v === null || v === undefined) return v
      if (!Number.isSafeInteger(v)) throw new Error('expected integer value, got ' + v)
      if (v < 0 || v > 4294967295) throw new Error('expected uint32 value, got ' + v)
      if (v > 2147483647) return v - 4294967296 // convert to signed range
      return v
    })
  }
  if (ltype?.type === 'FLOAT16') {
    if (type !== 'FIXED_LEN_BYTE_ARRAY') throw new Error('FLOAT16 must be FIXED_LEN_BYTE_ARRAY type')
    if (element.type_length !== 2) throw new Error('FLOAT16 expected type_length to be 2 bytes')
    return Array.from(values).map(unconvertFloat16)
  }
  if (ltype?.type === 'UUID') {
    if (!Array.isArray(values)) throw new Error('UUID must be an array')
    if (type !== 'FIXED_LEN_BYTE_ARRAY') throw new Error('UUID must be FIXED_LEN_BYTE_ARRAY type')
    if (element.type_length !== 16) throw new Error('UUID expected type_length to be 16 bytes')
    return values.map(unconvertUuid)
  }
  if (ltype?.type === 'TIMESTAMP') {
    return Array.from(values).map(v => {
      if (v === null || v === undefined) return v
      if (v instanceof Date) {
        const millis = BigInt(v.getTime())
        if (ltype.unit === 'NANOS') return millis * 1_000_000n
        if (ltype.unit === 'MICROS') return millis * 1_000n
        return millis // MILLIS (default)
      }
      return BigInt(v)
    })
  }
  if (ltype?.type === 'GEOMETRY' || ltype?.type === 'GEOGRAPHY') {
    if (!Array.isArray(values)) throw new Error('geometry must be an array')
    return mapConverted(values, v => {
      if (v === null || v === undefined) return v
      return geojsonToWkb(v)
    })
  }
  return values
}

/**
 * @param {Uint8Array | string | undefined} value
 * @returns {Uint8Array | undefined}
 */
function unconvertUuid(value) {
  if (value === undefined || value === null) return
  if (value instanceof Uint8Array) return value
  if (typeof value === 'string') {
    const uuidRegex = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i
    if (!uuidRegex.test(value)) {
      throw new Error('UUID must be a valid UUID string')
    }
    value = value.replace(/-/g, '').toLowerCase()
    const bytes = new Uint8Array(16)
    for (let i = 0; i < 16; i++) {
      bytes[i] = parseInt(value.slice(i * 2, i * 2 + 2), 16)
    }
    return bytes
  }
  throw new Error('UUID must be a string or Uint8Array')
}

// Default byte length that statistics min/max values are truncated to.
const STATS_TRUNCATE_LENGTH = 16

const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/**
 * Truncate a byte-array statistic to at most `length` bytes.
 *
 * A prefix is a valid lower bound (min). A max is rounded up to a short value
 * that is still >= the original. STRING and ENUM bounds are cut on a code point
 * boundary so they stay valid UTF-8. A prefix of a JSON or BSON document is not
 * a valid document, so those bounds are kept whole. When no short upper bound
 * exists, the max is kept whole.
 *
 * @param {Uint8Array} bytes
 * @param {SchemaElement} element
 * @param {boolean} isMax
 * @param {number} length
 * @returns {Uint8Array}
 */
function truncateStatistic(bytes, element, isMax, length) {
  if (bytes.length <= length || !isTruncatable(element)) return bytes
  const truncated = isUtf8(element) ? truncateUtf8(bytes, isMax, length) : truncateBytes(bytes, isMax, length)
  return truncated ?? bytes
}

/**
 * @param {SchemaElement} element
 * @returns {boolean}
 */
function isTruncatable({ type, converted_type, logical_type }) {
  if (type !== 'BYTE_ARRAY') return false // a FIXED_LEN_BYTE_ARRAY bound must keep its length
  if (converted_type === 'DECIMAL' || converted_type === 'JSON' || converted_type === 'BSON') return false
  return logical_type?.type !== 'JSON' && logical_type?.type !== 'BSON'
}

/**
 * @param {SchemaElement} element
 * @returns {boolean}
 */
function isUtf8({ converted_type, logical_type }) {
  return converted_type === 'UTF8' || converted_type === 'ENUM' ||
    logical_type?.type === 'STRING' || logical_type?.type === 'ENUM'
}

/**
 * Byte-wise truncation. A max increments the last byte that is < 0xFF after
 * dropping trailing 0xFF bytes.
 *
 * @param {Uint8Array} bytes
 * @param {boolean} isMax
 * @param {number} length
 * @returns {Uint8Array | undefined}
 */
function truncateBytes(bytes, isMax, length) {
  // copy: Buffer.prototype.slice returns a view, and rounding mutates in place
  const prefix = new Uint8Array(bytes.subarray(0, length))
  if (!isMax) return prefix // a prefix is a valid lower bound
  let i = prefix.length - 1
  while (i >= 0 && prefix[i] === 0xff) i-- // drop trailing 0xFF
  if (i < 0) return undefined // all 0xFF: no valid shorter upper bound
  const rounded = prefix.slice(0, i + 1)
  rounded[i] += 1
  return rounded
}

/**
 * UTF-8 truncation on a code point boundary. A max increments the last code
 * point that has a successor fitting the length, skipping surrogates.
 * Invalid UTF-8 falls back to byte-wise truncation.
 *
 * @param {Uint8Array} bytes
 * @param {boolean} isMax
 * @param {number} length
 * @returns {Uint8Array | undefined}
 */
function truncateUtf8(bytes, isMax, length) {
  let end = length
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--
  if (!isMax) return new Uint8Array(bytes.subarray(0, end))
  let text
  try {
    text = utf8Decoder.decode(bytes.subarray(0, end))
  } catch {
    return truncateBytes(bytes, isMax, length)
  }
  const codePoints = Array.from(text, c => c.codePointAt(0) ?? 0)
  const encoder = new TextEncoder()
  for (let i = codePoints.length - 1; i >= 0; i--) {
    // Remove this code point from the prefix, preserving its original UTF-8 bytes.
    end--
    while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--
    const code = codePoints[i]
    if (code === 0x10ffff) continue
    const next = code === 0xd7ff ? 0xe000 : code + 1
    const suffix = encoder.encode(String.fromCodePoint(next))
    if (end + suffix.length > length) continue
    const rounded = new Uint8Array(end + suffix.length)
    rounded.set(bytes.subarray(0, end))
    rounded.set(suffix, end)
    return rounded
  }
}

/**
 * Returns false when a min/max value had to be truncated, otherwise undefined.
 *
 * We only emit the (optional) exactness flag when it is false; an absent flag
 * means the value is exact, which keeps the footer small for untruncated columns.
 *
 * @param {MinMaxType | undefined} value
 * @param {SchemaElement} element
 * @param {boolean} isMax
 * @param {number} length
 * @returns {boolean | undefined}
 */
function minMaxIsExact(value, element, isMax, length) {
  if (value === undefined || value === null) return undefined
  if (!isTruncatable(element)) return undefined
  const bytes = value instanceof Uint8Array ? value : new TextEncoder().encode(value.toString())
  return truncateStatistic(bytes, element, isMax, length) === bytes ? undefined : false
}

/**
 * Uncovert from rich type to byte array for metadata statistics.
 *
 * @param {MinMaxType | undefined} value
 * @param {SchemaElement} element
 * @param {boolean} isMax whether this is a max value (rounds truncation up)
 * @param {number} [truncateLength] max bytes for a byte-array value
 * @returns {Uint8Array | undefined}
 */
function unconvertMinMax(value, element, isMax, truncateLength = STATS_TRUNCATE_LENGTH) {
  if (value === undefined || value === null) return undefined
  const { type, converted_type } = element
  if (type === 'BOOLEAN') return new Uint8Array([value ? 1 : 0])
  if (element.logical_type?.type === 'UUID' && (typeof value === 'string' || value instanceof Uint8Array)) {
    return unconvertUuid(value)
  }
  if (converted_type === 'DECIMAL') {
    // Statistics must accept the same inputs as the values they describe, or a
    // column whose values are exact would carry min/max that are not.
    if (typeof value !== 'number' && typeof value !== 'bigint') {
      throw new Error('DECIMAL must be a number or bigint')
    }
    const factor = 10 ** (element.scale || 0)
    const scaled = typeof value === 'bigint' ? value : BigInt(Math.round(value * factor))
    const out = unconvertDecimal(element, scaled)
    if (out instanceof Uint8Array) return out
    if (typeof out === 'number') {
      const buffer = new ArrayBuffer(4)
      new DataView(buffer).setInt32(0, out, true)
      return new Uint8Array(buffer)
    }
    if (typeof out === 'bigint') {
      const buffer = new ArrayBuffer(8)
      new DataView(buffer).setBigInt64(0, out, true)
      return new Uint8Array(buffer)
    }
  }
  if (element.logical_type?.type === 'FLOAT16' && typeof value === 'number') {
    return unconvertFloat16(value)
  }
  if (type === 'BYTE_ARRAY' || type === 'FIXED_LEN_BYTE_ARRAY') {
    const bytes = value instanceof Uint8Array ? value : new TextEncoder().encode(value.toString())
    return truncateStatistic(bytes, element, isMax, truncateLength)
  }
  if (type === 'FLOAT' && typeof value === 'number') {
    const buffer = new ArrayBuffer(4)
    new DataView(buffer).setFloat32(0, value, true)
    return new Uint8Array(buffer)
  }
  if (type === 'DOUBLE' && typeof value === 'number') {
    const buffer = new ArrayBuffer(8)
    new DataView(buffer).setFloat64(0, value, true)
    return new Uint8Array(buffer)
  }
  if (type === 'INT32' && typeof value === 'number') {
    const buffer = new ArrayBuffer(4)
    new DataView(buffer).setInt32(0, value, true)
    return new Uint8Array(buffer)
  }
  if (type === 'INT64' && (typeof value === 'bigint' || typeof value === 'number' && Number.isInteger(value))) {
    const buffer = new ArrayBuffer(8)
    new DataView(buffer).setBigInt64(0, BigInt(value), true)
    return new Uint8Array(buffer)
  }
  if (type === 'INT32' && converted_type === 'DATE' && value instanceof Date) {
    const buffer = new ArrayBuffer(4)
    new DataView(buffer).setInt32(0, Math.floor(value.getTime() / dayMillis), true)
    return new Uint8Array(buffer)
  }
  if (type === 'INT64' && converted_type === 'TIMESTAMP_MILLIS' && value instanceof Date) {
    const buffer = new ArrayBuffer(8)
    new DataView(buffer).setBigInt64(0, BigInt(value.getTime()), true)
    return new Uint8Array(buffer)
  }
  if (type === 'INT64' && converted_type === 'TIMESTAMP_MICROS' && value instanceof Date) {
    const buffer = new ArrayBuffer(8)
    new DataView(buffer).setBigInt64(0, BigInt(value.getTime() * 1000), true)
    return new Uint8Array(buffer)
  }
  if (type === 'INT64' && element.logical_type?.type === 'TIMESTAMP' && value instanceof Date) {
    const millis = BigInt(value.getTime())
    const { unit } = element.logical_type
    let bigintValue = millis
    if (unit === 'NANOS') bigintValue = millis * 1_000_000n
    else if (unit === 'MICROS') bigintValue = millis * 1_000n
    const buffer = new ArrayBuffer(8)
    new DataView(buffer).setBigInt64(0, bigintValue, true)
    return new Uint8Array(buffer)
  }
  throw new Error(`unsupported type for statistics: ${type} with value ${value}`)
}

/**
 * @param {ChunkStatistics} stats
 * @param {SchemaElement} element
 * @param {number} [truncateLength] max bytes for a byte-array min/max
 * @returns {ThriftObject}
 */
function unconvertStatistics(stats, element, truncateLength = STATS_TRUNCATE_LENGTH) {
  return {
    field_1: unconvertMinMax(stats.max, element, true, truncateLength),
    field_2: unconvertMinMax(stats.min, element, false, truncateLength),
    field_3: stats.null_count,
    field_4: stats.distinct_count,
    field_5: unconvertMinMax(stats.max_value, element, true, truncateLength),
    field_6: unconvertMinMax(stats.min_value, element, false, truncateLength),
    field_7: stats.is_max_value_exact ?? minMaxIsExact(stats.max_value ?? stats.max, element, true, truncateLength),
    field_8: stats.is_min_value_exact ?? minMaxIsExact(stats.min_value ?? stats.min, element, false, truncateLength),
    field_9: stats.nan_count,
  }
}

/**
 * @param {SchemaElement} element
 * @param {bigint} value
 * @returns {number | bigint | Uint8Array}
 */
function unconvertDecimal({ type, type_length }, value) {
  if (type === 'INT32') return Number(value)
  if (type === 'INT64') return value
  if (type === 'FIXED_LEN_BYTE_ARRAY' && !type_length) {
    throw new Error('fixed length byte array type_length is required')
  }
  if (!type_length && !value) return new Uint8Array()

  const bytes = []
  while (true) {
    // extract the lowest 8 bits
    const byte = Number(value & 0xffn)
    bytes.unshift(byte)
    value >>= 8n

    if (type_length) {
      if (bytes.length >= type_length) break // fixed length
    } else {
      // for nonnegative: stop when top byte has signBit = 0 AND shifted value == 0n
      // for negative: stop when top byte has signBit = 1 AND shifted value == -1n
      const sign = byte & 0x80
      if (!sign && value === 0n || sign && value === -1n) {
        break
      }
    }
  }

  return new Uint8Array(bytes)
}

/**
 * @param {number | undefined} value
 * @returns {Uint8Array | undefined}
 */
function unconvertFloat16(value) {
  if (value === undefined || value === null) return
  if (typeof value !== 'number') throw new Error('parquet float16 expected number value')
  if (Number.isNaN(value)) return new Uint8Array([0x00, 0x7e])

  const sign = value < 0 || Object.is(value, -0) ? 1 : 0
  const abs = Math.abs(value)

  // infinities
  if (!isFinite(abs)) return new Uint8Array([0x00, sign << 7 | 0x7c])

  // ±0
  if (abs === 0) return new Uint8Array([0x00, sign << 7])

  // Round directly from float64: going through float32 can round twice.
  if (abs >= 65520) return new Uint8Array([0x00, sign << 7 | 0x7c])
  let exponent = -14
  if (abs >= 2 ** -14) {
    const view = new DataView(new ArrayBuffer(8))
    view.setFloat64(0, abs)
    exponent = (view.getUint32(0) >>> 20 & 0x7ff) - 1023
  }
  // Subnormals have a fixed spacing of 2^-24.
  const scaled = abs / 2 ** (exponent - 10)
  let significand = Math.floor(scaled)
  const remainder = scaled - significand
  if (remainder > 0.5 || remainder === 0.5 && significand % 2) significand++

  // Adding the rounded significand also handles carry into the next exponent.
  const magnitude = abs < 2 ** -14 ? significand : (exponent + 14) * 1024 + significand
  const bits16 = sign << 15 | magnitude
  return new Uint8Array([bits16 & 0xff, bits16 >> 8])
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-writer/src/column.js






/**
 * @import {ColumnChunk, DecodedArray, Encoding, OffsetIndex, ParquetType, SchemaElement} from 'hyparquet'
 * @import {PageEncodingStats} from 'hyparquet/src/types.js'
 * @import {ChunkStatistics, ColumnEncoder, PageColumnIndex, PageData, Writer} from '../src/types.js'
 */

/**
 * Write a column chunk to the writer.
 *
 * @param {object} options
 * @param {Writer} options.writer
 * @param {ColumnEncoder} options.column
 * @param {PageData} options.pageData
 * @returns {{ chunk: ColumnChunk, columnIndex?: PageColumnIndex, offsetIndex?: OffsetIndex, bloomFilter?: Uint32Array }}
 */
function writeColumn({ writer, column, pageData }) {
  const { columnName, element, schemaPath, stats, pageSize, dictionarySize, encoding: userEncoding } = column
  const { type, type_length } = element
  if (!type) throw new Error(`column ${columnName} cannot determine type`)
  const { values, definitionLevels, repetitionLevels, maxDefinitionLevel } = pageData
  const offsetStart = writer.offset
  let uncompressedSize = 0

  /** @type {Encoding[]} */
  const encodings = []

  const isGeospatial = element?.logical_type?.type === 'GEOMETRY' || element?.logical_type?.type === 'GEOGRAPHY'

  // Compute statistics
  const geospatial_statistics = stats && isGeospatial ? geospatialStatistics(values) : undefined

  // Build bloom filter from original values (hashParquetValue reads schema info from element)
  let bloomFilter
  if (column.bloomFilter) {
    const opts = typeof column.bloomFilter === 'object' ? column.bloomFilter : undefined
    const builder = new BloomBuilder(element, opts)
    for (const v of values) builder.insert(v)
    bloomFilter = builder.finalize()
  }

  // dictionary encoding
  /** @type {bigint | undefined} */
  let dictionary_page_offset
  const selectPhysical = element.converted_type !== 'UTF8'
  const dictionaryValues = selectPhysical ? unconvert(element, values) : values
  // Validate physical values before statistics or encoders can wrap them.
  if (type === 'INT64') {
    const unsigned = element.converted_type === 'UINT_64' ||
      element.logical_type?.type === 'INTEGER' && !element.logical_type.isSigned
    const min = unsigned ? 0n : -(2n ** 63n)
    const max = unsigned ? 2n ** 64n - 1n : 2n ** 63n - 1n
    for (const value of dictionaryValues) {
      if (value !== null && value !== undefined && (value < min || value > max)) {
        throw new RangeError(`parquet INT64 value out of range: ${value}`)
      }
    }
  }
  // JSON bounds order the encoded bytes, not the JS values
  const statisticsValues = element.converted_type === 'JSON' ? dictionaryValues : values
  const statistics = stats ? getStatistics(statisticsValues, element) : undefined
  const { dictionary, indexes } = useDictionary(
    dictionaryValues, type, type_length, userEncoding, dictionarySize, maxDefinitionLevel === 0
  )

  // Determine encoding and prepare values for writing
  /** @type {Encoding} */
  let encoding
  /** @type {DecodedArray} */
  let writeValues
  let writeType = type
  if (dictionary && indexes) {
    // replace values with dictionary indices
    writeValues = indexes
    writeType = 'INT32'
    encoding = 'RLE_DICTIONARY'

    // write dictionary page first
    dictionary_page_offset = BigInt(writer.offset)
    const unconverted = selectPhysical ? dictionary : unconvert(element, dictionary)
    uncompressedSize += writeDictionaryPage(writer, column, unconverted)
    encodings.push('PLAIN')
  } else {
    // unconvert values from rich types to simple
    writeValues = selectPhysical ? dictionaryValues : unconvert(element, values)
    // a requested RLE_DICTIONARY that produced no dictionary (BOOLEAN) must
    // not label plain pages as dictionary-encoded
    encoding = userEncoding && userEncoding !== 'RLE_DICTIONARY' ? userEncoding
      : type === 'BOOLEAN' && values.length > 16 ? 'RLE' : 'PLAIN'
  }
  encodings.push(encoding)

  // Split values into pages based on pageSize
  const pageBoundaries = getPageBoundaries(writeValues, writeType, type_length, pageSize, repetitionLevels)

  // Initialize index structures if requested
  /** @type {PageColumnIndex | undefined} */
  let columnIndex = column.columnIndex && pageBoundaries.length > 1 ? {
    null_pages: [],
    min_values: [],
    max_values: [],
    boundary_order: 'UNORDERED',
    null_counts: [],
    nan_counts: isFloat(element) ? [] : undefined,
  } : undefined
  /** @type {OffsetIndex | undefined} */
  const offsetIndex = column.offsetIndex && pageBoundaries.length > 1 ? {
    page_locations: [],
  } : undefined

  // Write data pages
  const data_page_offset = BigInt(writer.offset)
  let first_row_index = 0n
  let prevStart = 0
  let prevMinValue
  let prevMaxValue
  let ascending = true
  let descending = true

  for (const { start, end } of pageBoundaries) {
    const pageOffset = writer.offset

    // Slice into subpage and write levels and data
    const pageChunk = {
      values: writeValues.slice(start, end),
      definitionLevels: definitionLevels.slice(start, end),
      repetitionLevels: repetitionLevels.slice(start, end),
      maxDefinitionLevel,
    }
    uncompressedSize += writeDataPageV2({ writer, column, encoding, pageData: pageChunk })

    // ColumnIndex construction
    if (columnIndex) {
      const pageValues = statisticsValues.slice(start, end) // original values not indexes
      const { min_value, max_value, null_count = 0n, nan_count } = getStatistics(pageValues, element)
      const nullPage = null_count === BigInt(end - start)
      const minBytes = unconvertMinMax(min_value, element, false, column.statisticsTruncateLength)
      const maxBytes = unconvertMinMax(max_value, element, true, column.statisticsTruncateLength)
      if (!nullPage && (!minBytes || !maxBytes)) {
        // Spec: bounds are required, so a non-null page without them (all NaN) drops the index
        columnIndex = undefined
      } else {
        columnIndex.null_pages.push(nullPage)
        // Spec: for all-null pages set "byte[0]"
        columnIndex.min_values.push(minBytes ?? new Uint8Array())
        columnIndex.max_values.push(maxBytes ?? new Uint8Array())
        columnIndex.null_counts?.push(null_count)
        if (nan_count !== undefined) columnIndex.nan_counts?.push(nan_count)

        // Track boundary order using original JS values
        if (prevMinValue !== undefined && min_value !== undefined) {
          const order = compareValues(prevMinValue, min_value)
          if (order > 0) ascending = false
          if (order < 0) descending = false
        }
        if (prevMaxValue !== undefined && max_value !== undefined) {
          const order = compareValues(prevMaxValue, max_value)
          if (order > 0) ascending = false
          if (order < 0) descending = false
        }
        prevMinValue = min_value
        prevMaxValue = max_value
      }
    }

    // OffsetIndex construction
    if (offsetIndex) {
      if (repetitionLevels.length) {
        // Count row boundaries from previous page
        for (let i = prevStart + 1; i <= start; i++) {
          if (repetitionLevels[i] === 0) first_row_index++
        }
      } else {
        first_row_index = BigInt(start) // Flat column
      }

      offsetIndex.page_locations.push({
        offset: BigInt(pageOffset),
        compressed_page_size: writer.offset - pageOffset,
        first_row_index,
      })
    }

    prevStart = start
  }

  // Set boundary order after all pages are written
  if (columnIndex) {
    if (ascending) columnIndex.boundary_order = 'ASCENDING'
    else if (descending) columnIndex.boundary_order = 'DESCENDING'
  }

  // Build encoding stats
  /** @type {PageEncodingStats[] | undefined} */
  let encoding_stats
  if (stats) {
    encoding_stats = []
    if (dictionary_page_offset !== undefined) {
      encoding_stats.push({ page_type: 'DICTIONARY_PAGE', encoding: 'PLAIN', count: 1 })
    }
    encoding_stats.push({ page_type: 'DATA_PAGE_V2', encoding, count: pageBoundaries.length })
  }

  return {
    chunk: {
      meta_data: {
        type,
        encodings,
        path_in_schema: schemaPath.slice(1).map(s => s.name),
        codec: column.codec ?? 'UNCOMPRESSED',
        num_values: BigInt(values.length),
        total_compressed_size: BigInt(writer.offset - offsetStart),
        total_uncompressed_size: BigInt(uncompressedSize),
        data_page_offset,
        dictionary_page_offset,
        statistics,
        encoding_stats,
        geospatial_statistics,
      },
      file_offset: BigInt(offsetStart),
    },
    columnIndex,
    offsetIndex,
    bloomFilter,
  }
}

/**
 * Split values into pages by estimated byte size. A page can only begin at a
 * row boundary (repetition level 0), as data page v2 requires: a row never
 * spans pages, so a page may run past pageSize to reach the next row.
 *
 * @param {DecodedArray} values
 * @param {ParquetType} type
 * @param {number | undefined} type_length
 * @param {number} pageSize
 * @param {number[]} [repetitionLevels] empty for unrepeated columns
 * @returns {{start: number, end: number}[]}
 */
function getPageBoundaries(values, type, type_length, pageSize, repetitionLevels = []) {
  // If no pageSize limit, return single page with all values
  if (!pageSize) {
    return [{ start: 0, end: values.length }]
  }

  const boundaries = []
  let start = 0
  let accumulatedBytes = 0

  for (let i = 0; i < values.length; i++) {
    const valueSize = estimateValueSize(values[i], type, type_length)
    accumulatedBytes += valueSize

    // Check if we should start a new page
    const rowStart = !repetitionLevels.length || repetitionLevels[i] === 0
    if (accumulatedBytes >= pageSize && i > start && rowStart) {
      boundaries.push({ start, end: i })
      start = i
      accumulatedBytes = valueSize
    }
  }

  // Final page with remaining values
  if (start < values.length) {
    boundaries.push({ start, end: values.length })
  }

  return boundaries
}

/**
 * @param {DecodedArray} values
 * @param {SchemaElement} element
 * @returns {ChunkStatistics}
 */
function getStatistics(values, element) {
  let min_value = undefined
  let max_value = undefined
  let null_count = 0n
  let nan_count = isFloat(element) ? 0n : undefined
  for (const value of values) {
    if (value === null || value === undefined) {
      null_count++
      continue
    }
    const statisticValue = physicalStatistic(value, element)
    if (typeof statisticValue === 'object' && !(statisticValue instanceof Uint8Array)) continue
    if (typeof statisticValue === 'number' && Number.isNaN(statisticValue)) {
      if (nan_count !== undefined) nan_count++
      continue // skip NaN per parquet spec
    }
    if (min_value === undefined || compareValues(statisticValue, min_value) < 0) min_value = statisticValue
    if (max_value === undefined || compareValues(statisticValue, max_value) > 0) max_value = statisticValue
  }
  // Normalize signed zero per parquet spec: min becomes -0, max becomes +0
  if (min_value === 0) min_value = -0
  if (max_value === 0) max_value = 0
  return { min_value, max_value, null_count, nan_count }
}

/**
 * @param {SchemaElement} element
 * @returns {boolean}
 */
function isFloat({ type, logical_type }) {
  return type === 'FLOAT' || type === 'DOUBLE' || logical_type?.type === 'FLOAT16'
}

/**
 * Normalize values that have more than one input representation, so that
 * statistics compare them as the physical values they are written as. DECIMAL
 * numbers are logical values while bigints are already unscaled, and a Date in
 * a DATE or TIMESTAMP column is stored in the column's unit.
 *
 * @param {any} value
 * @param {SchemaElement} element
 * @returns {any}
 */
function physicalStatistic(value, element) {
  if (element.converted_type === 'DECIMAL' && typeof value === 'number') {
    return BigInt(Math.round(value * 10 ** (element.scale || 0)))
  }
  if (value instanceof Date && (element.type === 'INT32' || element.type === 'INT64')) {
    return unconvert(element, [value])[0]
  }
  return value
}

/**
 * Compare primitive statistic values or Parquet byte arrays. Byte arrays use
 * unsigned lexicographic order, as required for BYTE_ARRAY min/max bounds.
 *
 * @param {any} left
 * @param {any} right
 * @returns {number}
 */
function compareValues(left, right) {
  if (left instanceof Uint8Array && right instanceof Uint8Array) {
    const length = Math.min(left.length, right.length)
    for (let i = 0; i < length; i += 1) {
      if (left[i] !== right[i]) return left[i] - right[i]
    }
    return left.length - right.length
  }
  if (typeof left === 'string' && typeof right === 'string') return compareStrings(left, right)
  if (left < right) return -1
  if (left > right) return 1
  return 0
}

/**
 * Compare strings in UTF-8 byte order, which is code point order. JavaScript
 * `<` compares UTF-16 code units, which misorders supplementary characters
 * (surrogate pairs) against U+E000..U+FFFF. Lone surrogates compare as U+FFFD,
 * matching how TextEncoder writes them.
 *
 * @param {string} left
 * @param {string} right
 * @returns {number}
 */
function compareStrings(left, right) {
  if (left === right) return 0
  const length = Math.min(left.length, right.length)
  let i = 0
  while (i < length && left.charCodeAt(i) === right.charCodeAt(i)) i++
  // back up if the difference is in the low half of a surrogate pair
  if (i > 0) {
    const prev = left.charCodeAt(i - 1)
    if (prev >= 0xd800 && prev <= 0xdbff) i--
  }
  while (i < left.length && i < right.length) {
    const a = codePointAt(left, i)
    const b = codePointAt(right, i)
    if (a !== b) return a - b
    i += a > 0xffff ? 2 : 1
  }
  return left.length - right.length
}

/**
 * @param {string} str
 * @param {number} i
 * @returns {number}
 */
function codePointAt(str, i) {
  const code = str.codePointAt(i) ?? 0xfffd
  return code >= 0xd800 && code <= 0xdfff ? 0xfffd : code
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-writer/src/dremel.js


/**
 * @import {DecodedArray, SchemaElement, SchemaTree} from 'hyparquet'
 * @import {PageData} from '../src/types.js'
 */

/**
 * Encode column values into repetition and definition levels following the
 * Dremel algorithm. Returns page data for one subcolumn (leaf node in the schema).
 *
 * @param {SchemaTree[]} treePath schema tree nodes from root to leaf
 * @param {DecodedArray} rows top-level column data
 * @returns {PageData}
 */
function encodeNestedValues(treePath, rows) {
  const schemaPath = treePath.map(n => n.element)
  if (treePath.length < 2) throw new Error('parquet schema path must include column')

  /** @type {number[]} */
  const definitionLevels = []
  /** @type {number[]} */
  const repetitionLevels = []
  const maxDefinitionLevel = schema_getMaxDefinitionLevel(treePath)

  // Flat required columns don't need dremel encoding
  if (treePath.length === 2 && maxDefinitionLevel === 0) {
    return { values: rows, definitionLevels, repetitionLevels, maxDefinitionLevel }
  }

  // Flat optional columns: just compute definition levels
  if (treePath.length === 2 && maxDefinitionLevel === 1) {
    const definitionLevels = new Array(rows.length)
    for (let i = 0; i < rows.length; i++) {
      definitionLevels[i] = rows[i] === null || rows[i] === undefined ? 0 : 1
    }
    return { values: rows, definitionLevels, repetitionLevels, maxDefinitionLevel }
  }

  // Track repetition depth prior to each level
  const repLevelPrior = new Array(treePath.length)
  let repeatedCount = 0
  for (let i = 0; i < treePath.length; i++) {
    repLevelPrior[i] = repeatedCount
    if (schemaPath[i].repetition_type === 'REPEATED') repeatedCount++
  }

  /** @type {any[]} */
  const values = []

  for (const row of rows) {
    visit(1, row, 0, 0, false)
  }

  return { values, definitionLevels, repetitionLevels, maxDefinitionLevel }

  /**
   * Recursively walk the schema path, emitting definition/repetition pairs.
   *
   * @param {number} depth index into schemaPath
   * @param {any} value value at the current depth
   * @param {number} defLevel definition level accumulated so far
   * @param {number} repLevel repetition level for the next emitted slot
   * @param {boolean} allowNull whether the current value is allowed to be null
   */
  function visit(depth, value, defLevel, repLevel, allowNull) {
    const element = schemaPath[depth]
    const repetition = element.repetition_type || 'REQUIRED'

    // Leaf node
    if (depth === treePath.length - 1) {
      if (value === null || value === undefined) {
        if (repetition === 'REQUIRED' && !allowNull) {
          throw new Error('parquet required value is undefined')
        }
        definitionLevels.push(defLevel)
      } else {
        definitionLevels.push(repetition === 'REQUIRED' ? defLevel : defLevel + 1)
      }
      repetitionLevels.push(repLevel)
      values.push(value)
      return
    }

    if (repetition === 'REPEATED') {
      if (value === null || value === undefined) {
        if (!allowNull) throw new Error('parquet required value is undefined')
        visit(depth + 1, undefined, defLevel, repLevel, true)
        return
      }
      if (!Array.isArray(value)) {
        throw new Error(`parquet repeated field ${element.name} must be an array`)
      }
      if (!value.length) {
        visit(depth + 1, undefined, defLevel, repLevel, true)
        return
      }
      // For MAP key_value entries, extract the child field (key or value) from each entry
      const isMapEntry = src_schema_isMapLike(treePath[depth - 1])
      const childElement = schemaPath[depth + 1]
      for (let i = 0; i < value.length; i++) {
        let childValue = value[i]
        if (isMapEntry && childValue && typeof childValue === 'object' && childElement) {
          childValue = childValue[childElement.name]
        }
        const childRep = i === 0 ? repLevel : repLevelPrior[depth] + 1
        visit(depth + 1, childValue, defLevel + 1, childRep, false)
      }
      return
    }

    if (repetition === 'OPTIONAL') {
      if (value === null || value === undefined) {
        visit(depth + 1, undefined, defLevel, repLevel, true)
      } else {
        const childValue = getChildValue(depth, value)
        const childIsNull = childValue === null || childValue === undefined
        // Increment def level if: (1) this is a struct (contributes to def even if child is null),
        // or (2) the child value exists. LIST/MAP wrappers don't increment def level themselves.
        const isLogicalContainer = src_schema_isListLike(treePath[depth]) || src_schema_isMapLike(treePath[depth])
        const isStruct = element.num_children && !element.type && !isLogicalContainer
        const nextDef = isStruct || !childIsNull ? defLevel + 1 : defLevel
        visit(depth + 1, childValue, nextDef, repLevel, childIsNull)
      }
      return
    }

    // REQUIRED
    if (value === null || value === undefined) {
      if (!allowNull) throw new Error('parquet required value is undefined')
      visit(depth + 1, undefined, defLevel, repLevel, true)
    } else {
      visit(depth + 1, getChildValue(depth, value), defLevel, repLevel, false)
    }
  }

  /**
   * Select the child value for the next schema element in the path.
   * Normalizes maps to {key, value} entries.
   *
   * @param {number} depth current schema depth
   * @param {any} currentValue current value at this depth
   * @returns {any}
   */
  function getChildValue(depth, currentValue) {
    if (currentValue === null || currentValue === undefined) return undefined
    const child = schemaPath[depth + 1]
    if (!child) return undefined

    // LIST and MAP wrappers
    if (src_schema_isListLike(treePath[depth])) return currentValue
    if (src_schema_isMapLike(treePath[depth])) {
      return normalizeMap(currentValue, schemaPath[depth])
    }

    if (typeof currentValue === 'object' && !Array.isArray(currentValue)) {
      return currentValue[child.name]
    }

    throw new Error(`parquet expected struct, got ${currentValue}`)
  }

}

/**
 * Normalize a map value to an array of {key, value} entries.
 * Accepts Map, plain object, array of [k, v] pairs, or array of {key, value}.
 *
 * @param {any} value
 * @param {SchemaElement} element
 * @returns {{key: any, value: any}[]}
 */
function normalizeMap(value, element) {
  if (value instanceof Map) {
    return Array.from(value.entries(), ([k, v]) => ({ key: k, value: v }))
  }
  if (Array.isArray(value)) {
    return value.map(entry => {
      if (entry && typeof entry === 'object' && 'key' in entry && 'value' in entry) {
        return entry
      }
      if (Array.isArray(entry) && entry.length === 2) {
        return { key: entry[0], value: entry[1] }
      }
      throw new Error('parquet map entry must provide key and value')
    })
  }
  if (typeof value === 'object') {
    return Object.entries(value).map(([k, v]) => ({ key: k, value: v }))
  }
  throw new Error(`parquet map field ${element.name} must be Map, array, or object`)
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-writer/src/indexes.js



/**
 * @import {ColumnChunk, OffsetIndex} from 'hyparquet'
 * @import {PageColumnIndex, PageIndexes, Writer} from '../src/types.js'
 */

/**
 * Write ColumnIndex and OffsetIndex for the given columns.
 *
 * @param {Writer} writer
 * @param {PageIndexes[]} pageIndexes
 */
function writeIndexes(writer, pageIndexes) {
  for (const { chunk, columnIndex } of pageIndexes) {
    writeColumnIndex(writer, chunk, columnIndex)
  }
  for (const { chunk, offsetIndex } of pageIndexes) {
    writeOffsetIndex(writer, chunk, offsetIndex)
  }
}

/**
 * @param {Writer} writer
 * @param {ColumnChunk} columnChunk
 * @param {PageColumnIndex} [columnIndex]
 */
function writeColumnIndex(writer, columnChunk, columnIndex) {
  // Page indexes only help when multiple pages
  if (!columnIndex || columnIndex.min_values.length <= 1) return
  const columnIndexOffset = writer.offset
  serializeTCompactProtocol(writer, {
    field_1: columnIndex.null_pages,
    field_2: columnIndex.min_values,
    field_3: columnIndex.max_values,
    field_4: constants_BoundaryOrders.indexOf(columnIndex.boundary_order),
    field_5: columnIndex.null_counts,
    field_8: columnIndex.nan_counts,
  })
  columnChunk.column_index_offset = BigInt(columnIndexOffset)
  columnChunk.column_index_length = writer.offset - columnIndexOffset
}

/**
 * @param {Writer} writer
 * @param {ColumnChunk} columnChunk
 * @param {OffsetIndex} [offsetIndex]
 */
function writeOffsetIndex(writer, columnChunk, offsetIndex) {
  // Page indexes only help when multiple pages
  if (!offsetIndex || offsetIndex.page_locations.length <= 1) return
  const offsetIndexOffset = writer.offset
  serializeTCompactProtocol(writer, {
    field_1: offsetIndex.page_locations.map(p => ({
      field_1: p.offset,
      field_2: p.compressed_page_size,
      field_3: p.first_row_index,
    })),
  })
  columnChunk.offset_index_offset = BigInt(offsetIndexOffset)
  columnChunk.offset_index_length = writer.offset - offsetIndexOffset
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-writer/src/metadata.js





/**
 * @import {BoundingBox, FileMetaData, LogicalType, SchemaElement, TimeUnit} from 'hyparquet'
 * @import {PreconvertedThriftStruct, ThriftObject, Writer} from '../src/types.js'
 */

/**
 * Write Parquet file metadata as thrift.
 *
 * @param {Writer} writer
 * @param {FileMetaData} metadata
 * @param {number} [statisticsTruncateLength] max bytes for a byte-array min/max
 */
function writeMetadata(writer, metadata, statisticsTruncateLength) {
  const resolveSchemaPath = schemaPathResolver(metadata.schema)
  /** @type {ThriftObject} */
  const compact = {
    field_1: metadata.version,
    field_2: metadata.schema.map(element => ({
      field_1: element.type && src_constants_ParquetTypes.indexOf(element.type),
      field_2: element.type_length,
      field_3: element.repetition_type && src_constants_FieldRepetitionTypes.indexOf(element.repetition_type),
      field_4: element.name,
      field_5: element.num_children,
      field_6: element.converted_type && src_constants_ConvertedTypes.indexOf(element.converted_type),
      field_7: element.scale,
      field_8: element.precision,
      field_9: element.field_id,
      field_10: src_metadata_logicalType(element.logical_type),
    })),
    field_3: metadata.num_rows,
    field_4: metadata.row_groups.map(rg => ({
      field_1: rg.columns.map(c => ({
        field_1: c.file_path,
        field_2: c.file_offset,
        field_3: c.meta_data && {
          field_1: src_constants_ParquetTypes.indexOf(c.meta_data.type),
          field_2: c.meta_data.encodings.map(e => src_constants_Encodings.indexOf(e)),
          field_3: c.meta_data.path_in_schema,
          field_4: src_constants_CompressionCodecs.indexOf(c.meta_data.codec),
          field_5: c.meta_data.num_values,
          field_6: c.meta_data.total_uncompressed_size,
          field_7: c.meta_data.total_compressed_size,
          field_8: c.meta_data.key_value_metadata && c.meta_data.key_value_metadata.map(kv => ({
            field_1: kv.key,
            field_2: kv.value,
          })),
          field_9: c.meta_data.data_page_offset,
          field_10: c.meta_data.index_page_offset,
          field_11: c.meta_data.dictionary_page_offset,
          field_12: c.meta_data.statistics && unconvertStatistics(
            c.meta_data.statistics,
            schemaElement(c.meta_data.path_in_schema),
            statisticsTruncateLength
          ),
          field_13: c.meta_data.encoding_stats && c.meta_data.encoding_stats.map(es => ({
            field_1: src_constants_PageTypes.indexOf(es.page_type),
            field_2: src_constants_Encodings.indexOf(es.encoding),
            field_3: es.count,
          })),
          field_14: c.meta_data.bloom_filter_offset,
          field_15: c.meta_data.bloom_filter_length,
          field_16: c.meta_data.size_statistics && {
            field_1: c.meta_data.size_statistics.unencoded_byte_array_data_bytes,
            field_2: c.meta_data.size_statistics.repetition_level_histogram,
            field_3: c.meta_data.size_statistics.definition_level_histogram,
          },
          field_17: c.meta_data.geospatial_statistics && {
            field_1: c.meta_data.geospatial_statistics.bbox && thriftBoundingBox(c.meta_data.geospatial_statistics.bbox),
            field_2: c.meta_data.geospatial_statistics.geospatial_types,
          },
        },
        field_4: c.offset_index_offset,
        field_5: c.offset_index_length,
        field_6: c.column_index_offset,
        field_7: c.column_index_length,
        // field_8: c.crypto_metadata,
        field_9: c.encrypted_column_metadata,
      })),
      field_2: rg.total_byte_size,
      field_3: rg.num_rows,
      field_4: rg.sorting_columns && rg.sorting_columns.map(sc => ({
        field_1: sc.column_idx,
        field_2: sc.descending,
        field_3: sc.nulls_first,
      })),
      field_5: rg.file_offset,
      field_6: rg.total_compressed_size,
      // field_7: rg.ordinal, // should be int16
    })),
    field_5: metadata.key_value_metadata && metadata.key_value_metadata.map(kv => ({
      field_1: kv.key,
      field_2: kv.value,
    })),
    field_6: metadata.created_by,
    field_7: metadata.schema.filter(element => element.type).map(() => ({ field_1: {} })),
  }

  // write metadata as thrift
  const metadataStart = writer.offset
  serializeTCompactProtocol(writer, compact)
  // write metadata length
  const metadataLength = writer.offset - metadataStart
  writer.appendUint32(metadataLength)

  /**
   * Resolve schema element for statistics using the stored path.
   *
   * @param {string[]} path
   * @returns {SchemaElement}
   */
  function schemaElement(path) {
    const tree = resolveSchemaPath(path)
    return tree[tree.length - 1].element
  }
}

/**
 * Convert bounds to a struct with explicitly typed DOUBLE fields.
 *
 * @param {BoundingBox} bbox
 * @returns {PreconvertedThriftStruct}
 */
function thriftBoundingBox(bbox) {
  return new ThriftStruct([
    [1, thrift_DOUBLE, bbox.xmin],
    [2, thrift_DOUBLE, bbox.xmax],
    [3, thrift_DOUBLE, bbox.ymin],
    [4, thrift_DOUBLE, bbox.ymax],
    [5, thrift_DOUBLE, bbox.zmin],
    [6, thrift_DOUBLE, bbox.zmax],
    [7, thrift_DOUBLE, bbox.mmin],
    [8, thrift_DOUBLE, bbox.mmax],
  ])
}

/**
 * @param {LogicalType | undefined} type
 * @returns {ThriftObject | undefined}
 */
function src_metadata_logicalType(type) {
  if (!type) return
  if (type.type === 'STRING') return { field_1: {} }
  if (type.type === 'MAP') return { field_2: {} }
  if (type.type === 'LIST') return { field_3: {} }
  if (type.type === 'ENUM') return { field_4: {} }
  if (type.type === 'DECIMAL') return { field_5: {
    field_1: type.scale,
    field_2: type.precision,
  } }
  if (type.type === 'DATE') return { field_6: {} }
  if (type.type === 'TIME') return { field_7: {
    field_1: type.isAdjustedToUTC,
    field_2: src_metadata_timeUnit(type.unit),
  } }
  if (type.type === 'TIMESTAMP') return { field_8: {
    field_1: type.isAdjustedToUTC,
    field_2: src_metadata_timeUnit(type.unit),
  } }
  if (type.type === 'INTEGER') return { field_10: {
    field_1: type.bitWidth,
    field_2: type.isSigned,
  } }
  if (type.type === 'NULL') return { field_11: {} }
  if (type.type === 'JSON') return { field_12: {} }
  if (type.type === 'BSON') return { field_13: {} }
  if (type.type === 'UUID') return { field_14: {} }
  if (type.type === 'FLOAT16') return { field_15: {} }
  if (type.type === 'VARIANT') return { field_16: {} }
  if (type.type === 'GEOMETRY') return { field_17: {
    field_1: type.crs,
  } }
  if (type.type === 'GEOGRAPHY') return { field_18: {
    field_1: type.crs,
    field_2: type.algorithm && src_constants_EdgeInterpolationAlgorithms.indexOf(type.algorithm),
  } }
}

/**
 * @param {TimeUnit} unit
 * @returns {ThriftObject}
 */
function src_metadata_timeUnit(unit) {
  if (unit === 'NANOS') return { field_3: {} }
  if (unit === 'MICROS') return { field_2: {} }
  return { field_1: {} }
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-writer/src/snappy.js
/**
 * The MIT License (MIT)
 * Copyright (c) 2016 Zhipeng Jia
 * https://github.com/zhipeng-jia/snappyjs
 */



/**
 * @import {Writer} from '../src/types.js'
 */

const MAX_HASH_TABLE_BITS = 14
const MAX_OFFSET = 0xffff
const globalHashTables = new Array(MAX_HASH_TABLE_BITS + 1)

/**
 * Compress snappy data.
 * Returns Snappy-compressed bytes as Uint8Array.
 *
 * @param {Uint8Array} input - uncompressed data
 * @returns {Uint8Array}
 */
function snappyCompress(input) {
  const writer = new bytewriter_ByteWriter()
  writer.appendVarInt(input.length) // uncompressed length

  compressInput(writer, input)

  return writer.getBytes()
}

/**
 * Hash function used in the reference implementation.
 *
 * @param {number} key
 * @param {number} hashFuncShift
 * @returns {number}
 */
function hashFunc(key, hashFuncShift) {
  return Math.imul(key, 0x1e35a7bd) >>> hashFuncShift
}

/**
 * Load a 32-bit little-endian integer from a byte array.
 *
 * @param {Uint8Array} array
 * @param {number} pos
 * @returns {number}
 */
function load32(array, pos) {
  return (
    array[pos] +
    (array[pos + 1] << 8) +
    (array[pos + 2] << 16) +
    (array[pos + 3] << 24)
  )
}

/**
 * Compare two 32-bit sequences for equality.
 *
 * @param {Uint8Array} array
 * @param {number} pos1
 * @param {number} pos2
 * @returns {boolean}
 */
function equals32(array, pos1, pos2) {
  return (
    array[pos1] === array[pos2] &&
    array[pos1 + 1] === array[pos2 + 1] &&
    array[pos1 + 2] === array[pos2 + 2] &&
    array[pos1 + 3] === array[pos2 + 3]
  )
}

/**
 * Emit a literal chunk of data.
 * @param {Writer} writer
 * @param {Uint8Array} input
 * @param {number} ip
 * @param {number} len
 */
function emitLiteral(writer, input, ip, len) {
  // The first byte(s) encode the literal length
  if (len <= 60) {
    writer.appendUint8(len - 1 << 2)
  } else {
    const value = len - 1
    const bytes = value < 0x100 ? 1 : value < 0x10000 ? 2 : value < 0x1000000 ? 3 : 4
    writer.appendUint8(59 + bytes << 2)
    for (let i = 0; i < bytes; i++) {
      writer.appendUint8(value >>> i * 8)
    }
  }

  // Then copy the literal bytes
  writer.appendBytes(input.subarray(ip, ip + len))
}

/**
 * Emit a copy of previous data.
 * @param {Writer} writer
 * @param {number} offset
 * @param {number} len
 */
function emitCopyLessThan64(writer, offset, len) {
  if (len < 12 && offset < 2048) {
    // Copy 4..11 bytes, offset < 2048
    //    --> [  1   | (len-4)<<2 | (offset>>8)<<5 ]
    writer.appendUint8(1 + (len - 4 << 2) + (offset >>> 8 << 5))
    writer.appendUint8(offset & 0xff)
  } else {
    // Copy len bytes, offset 1..65535
    //    --> [  2   | (len-1)<<2 ]
    writer.appendUint8(2 + (len - 1 << 2))
    writer.appendUint8(offset & 0xff)
    writer.appendUint8(offset >>> 8)
  }
}

/**
 * Emit a copy of previous data.
 * @param {Writer} writer
 * @param {number} offset
 * @param {number} len
 */
function emitCopy(writer, offset, len) {
  // Emit 64-byte copies as long as we can
  while (len >= 68) {
    emitCopyLessThan64(writer, offset, 64)
    len -= 64
  }
  // Emit one 60-byte copy if needed
  if (len > 64) {
    emitCopyLessThan64(writer, offset, 60)
    len -= 60
  }
  // Final copy
  emitCopyLessThan64(writer, offset, len)
}

/**
 * Compress input data.
 * @param {Writer} writer
 * @param {Uint8Array} input
 */
function compressInput(writer, input) {
  const inputSize = input.length
  let hashTableBits = 1
  while (1 << hashTableBits <= inputSize && hashTableBits <= MAX_HASH_TABLE_BITS) {
    hashTableBits++
  }
  hashTableBits--
  const hashFuncShift = 32 - hashTableBits

  // Initialize the hash table
  globalHashTables[hashTableBits] ??= new Uint32Array(1 << hashTableBits)
  const hashTable = globalHashTables[hashTableBits]
  hashTable.fill(0)

  const ipEnd = inputSize
  let ipLimit
  let ip = 0
  let nextEmit = 0

  let hash, nextHash
  let nextIp, candidate, skip
  let bytesBetweenHashLookups
  let base, matched, offset
  let prevHash, curHash
  let flag = true

  const INPUT_MARGIN = 15
  if (inputSize >= INPUT_MARGIN) {
    ipLimit = ipEnd - INPUT_MARGIN
    ip++
    nextHash = hashFunc(load32(input, ip), hashFuncShift)

    while (flag) {
      skip = 32
      nextIp = ip
      do {
        ip = nextIp
        hash = nextHash
        bytesBetweenHashLookups = skip >>> 5
        skip++
        nextIp = ip + bytesBetweenHashLookups
        if (ip > ipLimit) {
          flag = false
          break
        }
        nextHash = hashFunc(load32(input, nextIp), hashFuncShift)
        candidate = hashTable[hash]
        hashTable[hash] = ip
      } while (ip - candidate > MAX_OFFSET || !equals32(input, ip, candidate))

      if (!flag) {
        break
      }

      // Emit the literal from `nextEmit` to `ip`
      emitLiteral(writer, input, nextEmit, ip - nextEmit)

      // We found a match. Repeatedly match and emit copies
      do {
        base = ip
        matched = 4
        while (
          ip + matched < ipEnd &&
          input[ip + matched] === input[candidate + matched]
        ) {
          matched++
        }
        ip += matched
        offset = base - candidate
        emitCopy(writer, offset, matched)

        nextEmit = ip
        if (ip >= ipLimit) {
          flag = false
          break
        }
        prevHash = hashFunc(load32(input, ip - 1), hashFuncShift)
        hashTable[prevHash] = ip - 1
        curHash = hashFunc(load32(input, ip), hashFuncShift)
        candidate = hashTable[curHash]
        hashTable[curHash] = ip
      } while (ip - candidate <= MAX_OFFSET && equals32(input, ip, candidate))

      if (!flag) {
        break
      }

      ip++
      nextHash = hashFunc(load32(input, ip), hashFuncShift)
    }
  }

  // Emit the last literal (if any)
  if (nextEmit < ipEnd) {
    emitLiteral(writer, input, nextEmit, ipEnd - nextEmit)
  }
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-writer/src/parquet-writer.js









/**
 * @import {ColumnChunk, CompressionCodec, FileMetaData, KeyValue, RowGroup, SchemaElement, SchemaTree} from 'hyparquet'
 * @import {ColumnEncoder, ColumnSource, Compressors, PageIndexes, Writer} from '../src/types.js'
 */

/**
 * ParquetWriter class allows incremental writing of parquet files.
 */
class ParquetWriter {
  /**
   * @param {object} options
   * @param {Writer} options.writer
   * @param {SchemaElement[]} options.schema
   * @param {CompressionCodec} [options.codec]
   * @param {Compressors} [options.compressors]
   * @param {boolean} [options.statistics]
   * @param {number} [options.statisticsTruncateLength]
   * @param {KeyValue[]} [options.kvMetadata]
   * @param {string} [options.createdBy]
   */
  constructor({ writer, schema, codec = 'SNAPPY', compressors, statistics = true, statisticsTruncateLength, kvMetadata, createdBy = 'hyparquet' }) {
    if (statisticsTruncateLength !== undefined && statisticsTruncateLength !== Infinity &&
      !(Number.isInteger(statisticsTruncateLength) && statisticsTruncateLength > 0)) {
      throw new Error('statisticsTruncateLength must be a positive integer or Infinity')
    }
    this.writer = writer
    /** @type {SchemaElement[]} */
    this.schema = schema
    /** @type {CompressionCodec} */
    this.codec = codec
    // Include built-in snappy as fallback
    this.compressors = { SNAPPY: snappyCompress, ...compressors }
    this.statistics = statistics
    this.statisticsTruncateLength = statisticsTruncateLength
    /** @type {KeyValue[] | undefined} */
    this.kvMetadata = kvMetadata
    this.createdBy = createdBy

    /** @type {RowGroup[]} */
    this.row_groups = []
    this.num_rows = 0n

    /** @type {PageIndexes[]} */
    this.pendingIndexes = []

    // write header PAR1
    this.writer.appendUint32(0x31524150)
  }

  /**
   * Write data to the file.
   * Will split data into row groups of the specified size.
   * Calls writer.flush() (if defined) after each row group; if it returns a
   * Promise, subsequent row groups await it before encoding more data.
   *
   * @param {object} options
   * @param {ColumnSource[]} options.columnData
   * @param {number | number[]} [options.rowGroupSize]
   * @param {number} [options.pageSize]
   * @param {number} [options.dictionarySize]
   * @returns {void | Promise<void>}
   */
  write({ columnData, rowGroupSize = [1000, 100000], pageSize = 1048576, dictionarySize }) {
    for (const { codec = this.codec } of columnData) {
      if (codec !== 'UNCOMPRESSED' && !this.compressors[codec]) {
        throw new Error(`parquet no compressor for codec ${codec}`)
      }
    }
    const columnDataRows = columnData[0]?.data?.length || 0
    const resolveSchemaPath = schemaPathResolver(this.schema)
    /** @type {Promise<void> | undefined} */
    let pending
    for (const { groupStartIndex, groupSize } of groupIterator({ columnDataRows, rowGroupSize })) {
      const writeGroup = () => {
        const groupStartOffset = this.writer.offset
        /** @type {ColumnChunk[]} */
        const columns = []

        // write columns
        for (let j = 0; j < columnData.length; j++) {
          const { name, data, encoding, codec = this.codec, columnIndex = false, offsetIndex = true, shredding, bloomFilter, statistics = this.statistics } = columnData[j]

          // Spec: if ColumnIndex is present, OffsetIndex must also be present
          if (columnIndex && !offsetIndex) {
            throw new Error('parquet ColumnIndex cannot be present without OffsetIndex')
          }
          if (data.length !== columnDataRows) {
            throw new Error('parquet columns must have the same length')
          }

          const groupData = data.slice(groupStartIndex, groupStartIndex + groupSize)
          const columnPath = resolveSchemaPath([name])
          const leafPaths = getLeafSchemaPaths(columnPath)

          // For VARIANT logical type, encode JS values into {metadata, value} structs
          const columnElement = columnPath.at(-1)?.element
          const shreddingConfig = shredding && shredding !== true ? shredding : undefined
          const isVariant = columnElement?.logical_type?.type === 'VARIANT'
          const isRequired = columnElement?.repetition_type === 'REQUIRED'
          const rows = isVariant
            ? encodeVariantColumn(Array.from(groupData), shreddingConfig, { name, required: isRequired })
            : groupData

          for (const leafPath of leafPaths) {
            const schemaPath = leafPath.map(node => node.element)

            /** @type {ColumnEncoder} */
            const column = {
              columnName: schemaPath.slice(1).map(s => s.name).join('.'),
              element: schemaPath[schemaPath.length - 1],
              schemaPath,
              codec,
              compressors: this.compressors,
              stats: statistics,
              statisticsTruncateLength: this.statisticsTruncateLength,
              pageSize,
              dictionarySize,
              columnIndex,
              offsetIndex,
              encoding,
              bloomFilter,
            }

            const pageData = encodeNestedValues(leafPath, rows)
            const result = writeColumn({
              writer: this.writer,
              column,
              pageData,
            })

            columns.push(result.chunk)
            this.pendingIndexes.push(result)
          }
        }

        let total_byte_size = 0n
        for (const { meta_data } of columns) total_byte_size += meta_data?.total_uncompressed_size ?? 0n
        this.num_rows += BigInt(groupSize)
        this.row_groups.push({
          columns,
          total_byte_size,
          num_rows: BigInt(groupSize),
          total_compressed_size: BigInt(this.writer.offset - groupStartOffset),
        })
        return this.writer.flush?.()
      }
      if (pending) {
        pending = pending.then(writeGroup)
      } else {
        const r = writeGroup()
        if (r) pending = Promise.resolve(r)
      }
    }
    return pending
  }

  /**
   * Finish writing the file.
   *
   * @returns {void | Promise<void>}
   */
  finish() {
    // Write all indexes at end of file
    writeIndexes(this.writer, this.pendingIndexes)
    // Bloom filters cluster after indexes so pushdown readers fetch them in one range
    writeBlooms(this.writer, this.pendingIndexes)

    // write metadata
    /** @type {FileMetaData} */
    const metadata = {
      version: 2,
      created_by: this.createdBy,
      schema: this.schema,
      num_rows: this.num_rows,
      row_groups: this.row_groups,
      metadata_length: 0,
      key_value_metadata: this.kvMetadata,
    }
    // @ts-ignore don't want to actually serialize metadata_length
    delete metadata.metadata_length
    writeMetadata(this.writer, metadata, this.statisticsTruncateLength)

    // write footer PAR1
    this.writer.appendUint32(0x31524150)
    return this.writer.finish()
  }
}

/**
 * Target row count for the i-th row group. When rowGroupSize is an array, the
 * last entry repeats once the array is exhausted.
 *
 * @param {number | number[]} rowGroupSize - Size of each row group or an array of sizes
 * @param {number} i - zero-based group index
 * @returns {number}
 */
function groupSize(rowGroupSize, i) {
  return Array.isArray(rowGroupSize)
    ? rowGroupSize[Math.min(i, rowGroupSize.length - 1)]
    : rowGroupSize
}

/**
 * Create an iterator for row groups based on the specified row group size.
 * If rowGroupSize is an array, it will return groups based on the sizes in the array.
 * When the array runs out, it will continue with the last size.
 *
 * @param {object} options
 * @param {number} options.columnDataRows - Total number of rows in the column data
 * @param {number | number[]} options.rowGroupSize - Size of each row group or an array of sizes
 * @returns {Array<{groupStartIndex: number, groupSize: number}>}
 */
function groupIterator({ columnDataRows, rowGroupSize }) {
  if (Array.isArray(rowGroupSize) && !rowGroupSize.length) {
    throw new Error('rowGroupSize array cannot be empty')
  }
  const groups = []
  let groupIndex = 0
  let groupStartIndex = 0
  while (groupStartIndex < columnDataRows) {
    const size = groupSize(rowGroupSize, groupIndex)
    groups.push({ groupStartIndex, groupSize: Math.min(size, columnDataRows - groupStartIndex) })
    groupStartIndex += size
    groupIndex++
  }
  return groups
}

/**
 * Expand a schema path to all primitive leaf nodes under the column.
 *
 * @param {SchemaTree[]} schemaPath
 * @returns {SchemaTree[][]}
 */
function getLeafSchemaPaths(schemaPath) {
  /** @type {SchemaTree[][]} */
  const leaves = []
  dfs(schemaPath)
  return leaves

  /**
   * @param {SchemaTree[]} path
   */
  function dfs(path) {
    const node = path[path.length - 1]
    if (!node.children.length) {
      leaves.push(path)
      return
    }
    for (const child of node.children) {
      dfs([...path, child])
    }
  }
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-writer/src/write.js





/**
 * @import {ParquetWriteOptions} from '../src/types.js'
 */

/**
 * Write data as parquet to a file or stream.
 *
 * @param {ParquetWriteOptions} options
 * @returns {void | Promise<void>}
 */
function parquetWrite({
  writer,
  columnData,
  schema,
  codec = 'SNAPPY',
  compressors,
  statistics = true,
  statisticsTruncateLength,
  rowGroupSize = [1000, 100000],
  kvMetadata,
  createdBy,
  pageSize = 1048576,
  dictionarySize,
}) {
  // Resolve shredding: true -> auto-detected config
  columnData = columnData.map(col => {
    if (col.shredding === true && col.type === 'VARIANT') {
      const detected = autoDetectShredding(Array.from(col.data))
      return detected ? { ...col, shredding: detected } : { ...col, shredding: undefined }
    }
    if (col.shredding !== undefined && col.shredding !== true && col.type === 'VARIANT') {
      const shredding = normalizeShreddingConfig(col.shredding)
      return shredding ? { ...col, shredding } : { ...col, shredding: undefined }
    }
    return col
  })
  if (!schema) {
    schema = schemaFromColumnData({ columnData })
  } else if (columnData.some(({ type }) => type)) {
    throw new Error('cannot provide both schema and columnData type')
  } else {
    // TODO: validate schema
  }
  const pq = new ParquetWriter({
    writer,
    schema,
    codec,
    compressors,
    statistics,
    statisticsTruncateLength,
    kvMetadata,
    createdBy,
  })
  const w = pq.write({
    columnData,
    rowGroupSize,
    pageSize,
    dictionarySize,
  })
  return w ? w.then(() => pq.finish()) : pq.finish()
}

/**
 * Write data as parquet to an ArrayBuffer.
 *
 * @param {Omit<ParquetWriteOptions, 'writer'>} options
 * @returns {ArrayBuffer}
 */
function parquetWriteBuffer(options) {
  const writer = new ByteWriter()
  parquetWrite({ ...options, writer })
  return writer.getBuffer()
}

;// CONCATENATED MODULE: ./node_modules/hyparquet-writer/src/node.js






/**
 * @import {ParquetWriteOptions, Writer} from '../src/types.js'
 */

/**
 * Write data as parquet to a local file.
 *
 * @param {Omit<ParquetWriteOptions, 'writer'> & { filename: string }} options
 */
function parquetWriteFile(options) {
  const { filename, ...rest } = options
  const writer = fileWriter(filename)
  parquetWrite({ ...rest, writer })
}

/**
 * Buffered file writer.
 * Writes data to a local file in chunks using node fs.
 *
 * @param {string} filename
 * @returns {Writer}
 */
function fileWriter(filename) {
  const writer = new bytewriter_ByteWriter()
  const chunkSize = 1_000_000 // 1mb

  // create a new file or overwrite existing one
  external_fs_namespaceObject.writeFileSync(filename, '', { flag: 'w' })

  // flush current buffer to file
  function flush() {
    const chunk = new Uint8Array(writer.buffer, 0, writer.index)
    // TODO: async
    external_fs_namespaceObject.writeFileSync(filename, chunk, { flag: 'a' })
    writer.index = 0
  }

  /**
   * Override the ensure method
   * @param {number} size
   */
  writer.ensure = function(size) {
    if (writer.index > chunkSize) {
      flush()
    }
    if (writer.index + size > writer.buffer.byteLength) {
      const newSize = Math.max(writer.buffer.byteLength * 2, writer.index + size)
      const newBuffer = new ArrayBuffer(newSize)
      new Uint8Array(newBuffer).set(new Uint8Array(writer.buffer))
      writer.buffer = newBuffer
      writer.view = new DataView(writer.buffer)
    }
  }
  writer.getBuffer = function() {
    throw new Error('getBuffer not supported for FileWriter')
  }
  writer.getBytes = function() {
    throw new Error('getBytes not supported for FileWriter')
  }
  writer.finish = function() {
    flush()
  }
  return writer
}

;// CONCATENATED MODULE: ./src/data/writers.ts






/** A cell as CSV text: missing is empty, dates ISO, objects JSON; quoted when it holds a delimiter, quote or newline. */
function csvCell(cell, delimiter = ',') {
    let text;
    if (cell === null || cell === undefined || cell === ABSENT)
        text = '';
    else if (typeof cell === 'string')
        text = cell;
    else if (cell instanceof Date)
        text = cell.getTime() % 86_400_000 === 0 ? cell.toISOString().slice(0, 10) : cell.toISOString();
    else if (typeof cell === 'object')
        text = JSON.stringify(cell);
    else
        text = String(cell);
    return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
function csvText(header, rows, lineEnding = '\n', delimiter = ',') {
    return ([header, ...rows]
        .map(row => row.map(cell => csvCell(cell, delimiter)).join(delimiter))
        .join(lineEnding) + lineEnding);
}
/** JSON values for a row object; BigInt (Parquet INT64) becomes a number when it fits exactly, else a string. */
function jsonValue(cell) {
    if (typeof cell === 'bigint')
        return Number.isSafeInteger(Number(cell)) ? Number(cell) : cell.toString();
    return cell;
}
function jsonRows(header, rows) {
    return rows.map(row => {
        const record = {};
        header.forEach((name, i) => {
            if (row[i] !== ABSENT)
                record[name] = jsonValue(row[i]);
        });
        return record;
    });
}
/**
 * A Parquet subset with the source's exact schema (types, logical types), so readers see the same columns.
 * A value the schema cannot hold (a date past the year 275760, read as text) is the user's to see, not a
 * crash: the writer's complaint becomes a UserError that suggests a CSV subset.
 */
async function writeParquetLike(source, target, header, rows) {
    const metadata = await metadata_parquetMetadataAsync(await node_asyncBufferFromFile(source));
    try {
        parquetWriteFile({
            filename: target,
            // hyparquet-writer pins its own hyparquet; the schema elements are the same shape.
            schema: metadata.schema,
            columnData: header.map((name, i) => ({
                name,
                data: storedTimes(metadata.schema[i + 1], rows, i, name) ?? rows.map(row => row[i])
            }))
        });
    }
    catch (error) {
        throw new errors/* UserError */.yo(`cannot write the subset of ${external_node_path_default().basename(source)} as Parquet with its schema: ${error.message}`, { hint: 'write the subset as CSV (subset-format: csv), or rewrite the dataset' });
    }
}
/** A TIME column's cells, read as the time of day (parquet-time.ts), as the counts its schema stores. */
function storedTimes(element, rows, column, name) {
    const perSecond = element && timeTicksPerSecond(element);
    if (perSecond === undefined)
        return undefined;
    const int32 = element.type === 'INT32';
    return rows.map(row => {
        const cell = row[column];
        if (typeof cell !== 'string')
            return cell;
        const ticks = timeTicks(cell, perSecond);
        if (ticks === undefined)
            throw new Error(`column "${name}": "${cell}" is not a time of day`);
        return int32 ? Number(ticks) : ticks;
    });
}
/** Whether two cells read from Parquet are the same value: NaN is NaN, dates by time, bytes by byte. */
function sameCell(a, b) {
    if (Object.is(a, b))
        return true;
    if (a instanceof Date && b instanceof Date)
        return Object.is(a.getTime(), b.getTime());
    if (a instanceof Uint8Array && b instanceof Uint8Array)
        return a.length === b.length && a.every((byte, i) => byte === b[i]);
    if (Array.isArray(a) && Array.isArray(b))
        return a.length === b.length && a.every((cell, i) => sameCell(cell, b[i]));
    if (!writers_isPlainObject(a) || !writers_isPlainObject(b))
        return false;
    const [keysA, keysB] = [Object.keys(a), Object.keys(b)];
    return (keysA.length === keysB.length &&
        keysA.every((key, i) => keysB[i] === key && sameCell(a[key], b[key])));
}
function writers_isPlainObject(value) {
    return (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype);
}
/** A Parquet file's schema as text (what writeParquetLike writes a subset with). */
async function parquetSchemaText(file) {
    const metadata = await parquetMetadataAsync(await asyncBufferFromFile(file));
    return JSON.stringify(metadata.schema, (_key, value) => typeof value === 'bigint' ? `${value}n` : value);
}

;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __nccwpck_require__(919);
// EXTERNAL MODULE: ./src/worker/tasks.ts
var tasks = __nccwpck_require__(248);
;// CONCATENATED MODULE: ./src/worker/client.ts






/**
 * V8's young generation for a worker reading Parquet, in MiB. Node 24's V8 grows it to 128 MiB while
 * pages of decoded values outlive a few scavenges; the main thread cannot be given a V8 flag, a worker can.
 */
const PARQUET_YOUNG_GENERATION_MIB = 16;
/** Each task in a fresh worker thread running `entry`, the data worker's bundle. */
class WorkerThreads {
    entry;
    constructor(entry) {
        this.entry = entry;
    }
    run(task) {
        return new Promise((resolve, reject) => {
            const worker = new Worker(this.entry, {
                workerData: task,
                resourceLimits: task.task === CSV_PARTITION_TASK
                    ? undefined
                    : { maxYoungGenerationSizeMb: PARQUET_YOUNG_GENERATION_MIB }
            });
            worker.once('message', (reply) => {
                if ('result' in reply)
                    resolve(reply.result);
                else if (reply.error.userError)
                    reject(new UserError(reply.error.message, { hint: reply.error.hint }));
                else
                    reject(new Error(reply.error.message));
            });
            worker.once('error', reject);
            // After an answer this does nothing; without one (a crash, an unknown task) it ends the wait.
            worker.once('exit', code => reject(new Error(`data worker exited with ${code} without an answer`)));
        });
    }
}
/** The work off this thread when there is a worker, else (or when it fails for any reason but the user's input) here. */
function client_inWorkerOrHere(worker, task, here) {
    if (!worker)
        return here();
    return worker.run(task).catch(error => {
        if (error instanceof UserError)
            throw error;
        return here();
    });
}
/**
 * The data worker's own small bundle (dist/worker/index.js, built from worker/entry.ts), found from the
 * running bundle: the action runs from dist/, the CLI from dist/cli/. Undefined when running from source.
 */
function workerBundleBeside(bundleUrl) {
    const folder = path.dirname(fileURLToPath(bundleUrl));
    return [
        path.join(folder, 'worker', 'index.js'),
        path.join(folder, '..', 'worker', 'index.js')
    ].find(candidate => existsSync(candidate));
}
/** The data worker beside the running bundle as a port, or none when running from source. */
function dataWorkerBeside(bundleUrl) {
    const entry = workerBundleBeside(bundleUrl);
    return entry ? new WorkerThreads(entry) : undefined;
}

;// CONCATENATED MODULE: ./src/sample/priority.ts
// Every row's draw priority is a hash of the seed and where the row is, not a number from a sequence: the
// rows of smallest priority are the same whether one runner reads the whole dataset or shards each keep
// their own smallest and a merge keeps the smallest of those.
/** The subset and the rows predict sends are drawn by one priority; the profile by another. */
const SUBSET_SALT = 0x5ab5e7;
const PROFILE_SALT = 0x9f0f11e;
function mixIn(hash, value) {
    let k = Math.imul(value, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    hash ^= Math.imul(k, 0x1b873593);
    hash = (hash << 13) | (hash >>> 19);
    return (Math.imul(hash, 5) + 0xe6546b64) | 0;
}
function finish(hash) {
    hash ^= hash >>> 16;
    hash = Math.imul(hash, 0x85ebca6b);
    hash ^= hash >>> 13;
    hash = Math.imul(hash, 0xc2b2ae35);
    return (hash ^ (hash >>> 16)) >>> 0;
}
/** A hash of six words from `start` (no array: this runs for every row read). */
function hash6(start, a, b, c, d, e, f) {
    let hash = mixIn(mixIn(mixIn(start, a), b), c);
    hash = mixIn(mixIn(mixIn(hash, d), e), f);
    return finish(hash ^ 6);
}
/**
 * A row's priority, a whole number below 2^53: a hash of (seed, salt, the file's place in the dataset,
 * the row's place in the file: its first line for CSV/TSV/JSON Lines, its row index for JSON, its row
 * group and row in it for Parquet). Ties are broken by the row's place in the dataset.
 */
function rowPriority(seed, salt, file, major, minor) {
    const s = seed >>> 0;
    const high = Math.floor(major / 2 ** 32);
    const top = hash6(0x243f6a88, s, salt, file, major >>> 0, high, minor >>> 0);
    const low = hash6(0x85a308d3, s, salt, file, major >>> 0, high, minor >>> 0);
    return top * 2 ** 21 + (low >>> 11);
}
/** The rank in the draw of `salt` of the row from `origin` (see Origin in types.ts). */
function rankOf(seed, salt, origin) {
    return { index: origin[0], priority: rowPriority(seed, salt, origin[1], origin[2], origin[3]) };
}
function ranksBefore(priority, index, b) {
    return priority < b.priority || (priority === b.priority && index < b.index);
}
function priority_before(a, b) {
    return ranksBefore(a.priority, a.index, b);
}
/** The `size` entries of smallest priority offered so far (a max-heap: its root is the largest kept). */
class Smallest {
    size;
    heap = [];
    constructor(size) {
        this.size = size;
    }
    /** Keeps `entry` when it is among the smallest; whether it was kept. */
    offer(entry) {
        const { heap } = this;
        if (heap.length < this.size) {
            heap.push(entry);
            this.up(heap.length - 1);
            return true;
        }
        if (!heap.length || !priority_before(entry, heap[0]))
            return false;
        heap[0] = entry;
        this.down(0);
        return true;
    }
    /** Whether an entry of `priority` and `index` would be kept, without making one. */
    wants(priority, index) {
        const { heap } = this;
        return heap.length < this.size || (heap.length > 0 && ranksBefore(priority, index, heap[0]));
    }
    /** The kept entries, smallest priority first. */
    ranked() {
        return [...this.heap].sort((a, b) => (priority_before(a, b) ? -1 : 1));
    }
    up(at) {
        const { heap } = this;
        while (at > 0) {
            const parent = (at - 1) >> 1;
            if (!priority_before(heap[parent], heap[at]))
                return;
            [heap[parent], heap[at]] = [heap[at], heap[parent]];
            at = parent;
        }
    }
    down(at) {
        const { heap } = this;
        for (;;) {
            const [left, right] = [2 * at + 1, 2 * at + 2];
            let largest = at;
            if (left < heap.length && priority_before(heap[largest], heap[left]))
                largest = left;
            if (right < heap.length && priority_before(heap[largest], heap[right]))
                largest = right;
            if (largest === at)
                return;
            [heap[largest], heap[at]] = [heap[at], heap[largest]];
            at = largest;
        }
    }
}

;// CONCATENATED MODULE: ./src/sample/strategies.ts



const SAMPLE_STRATEGIES = (/* unused pure expression or super */ null && (['random', 'head', 'stratified', 'all']));
/** A label column with more distinct values than this is not a class label. */
const MAX_CLASSES = 1000;
/**
 * Splits `budget` rows over classes: first `minimum` each (or all a class has), then the rest in
 * proportion to class size by the largest-remainder method, never more than a class has. Deterministic:
 * ties go to the class seen first.
 */
function strategies_allocate(counts, budget, minimum) {
    const classes = [...counts.keys()];
    const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
    const allocation = new Map(classes.map(label => [label, Math.min(minimum, counts.get(label))]));
    const floor = [...allocation.values()].reduce((sum, n) => sum + n, 0);
    if (floor > budget) {
        throw new errors/* UserError */.yo(`sample-rows ${budget} cannot hold ${classes.length} classes with min-per-class ${minimum}: raise sample-rows to at least ${floor}`);
    }
    let remaining = Math.min(budget, total) - floor;
    while (remaining > 0) {
        // Ideal share of the whole budget, minus what each class already has.
        const wants = classes
            .map((label, order) => {
            const ideal = (Math.min(budget, total) * counts.get(label)) / total;
            return {
                label,
                order,
                gap: ideal - allocation.get(label),
                room: counts.get(label) - allocation.get(label)
            };
        })
            .filter(want => want.room > 0);
        if (!wants.length)
            break;
        const whole = wants.filter(want => want.gap >= 1);
        const pick = (whole.length ? whole : wants).sort((a, b) => b.gap - a.gap || a.order - b.order);
        const grants = whole.length
            ? pick.map(want => ({ label: want.label, n: Math.min(Math.floor(want.gap), want.room) }))
            : [{ label: pick[0].label, n: 1 }];
        for (const { label, n } of grants) {
            const granted = Math.min(n, remaining);
            allocation.set(label, allocation.get(label) + granted);
            remaining -= granted;
            if (remaining === 0)
                break;
        }
    }
    return allocation;
}
/**
 * Collects a subset from a stream of items, one strategy at a time; `done` says reading can stop early.
 * random keeps the rows of smallest priority, stratified those of each class, head the first rows: a
 * draw any cut of the rows into parts gives again when each part keeps its own and they are offered
 * again together. `pool` (default `rows`) is how many each keeps; `candidates` keeps all three kinds.
 */
class Sampler {
    options;
    head = [];
    smallest;
    byClass = new Map();
    /** null once the label showed more than MAX_CLASSES values (only stratified needs classes: it fails). */
    counts = new Map();
    pool;
    seen = 0;
    /** Whether the rows of smallest priority are kept: for random, a later draw, or a uniform fallback. */
    keepsSmallest;
    constructor(options) {
        this.options = options;
        this.pool = options.pool ?? options.rows;
        this.smallest = new Smallest(this.pool);
        const { strategy, candidates, uniformPastClasses } = options;
        this.keepsSmallest = strategy === 'random' || candidates === true || uniformPastClasses === true;
    }
    get done() {
        return (this.options.strategy === 'head' &&
            !this.options.labelled &&
            !this.options.candidates &&
            this.head.length >= this.options.rows);
    }
    /** Offers an item; `counted` false: a candidate whose class counts are given to `result`. */
    offer(item, rank, label, counted = true) {
        const entry = { priority: rank.priority, index: rank.index, item, label };
        const { strategy, candidates } = this.options;
        if (strategy === 'stratified' && label === undefined)
            throw new Error('stratified sampling needs a label for every row');
        if (counted)
            this.count(label);
        if (strategy === 'all' || (strategy === 'head' && this.head.length < this.options.rows))
            this.head.push(entry);
        if (this.keepsSmallest)
            this.smallest.offer(entry);
        if (label !== undefined && this.counts && (strategy === 'stratified' || candidates)) {
            let kept = this.byClass.get(label);
            if (!kept)
                this.byClass.set(label, (kept = new Smallest(this.pool)));
            kept.offer(entry);
        }
    }
    /** Whether an item of `rank` and `label` would be kept: the caller may skip making it when not. */
    wants({ priority, index }, label) {
        const { strategy, candidates, rows } = this.options;
        if (strategy === 'all' || (strategy === 'head' && this.head.length < rows))
            return true;
        if (this.keepsSmallest && this.smallest.wants(priority, index))
            return true;
        if (label === undefined || !this.counts || (strategy !== 'stratified' && !candidates))
            return false;
        return this.byClass.get(label)?.wants(priority, index) ?? true;
    }
    /** Counts a row offered (or passed over by `wants`) by its label. */
    count(label) {
        this.seen++;
        if (label === undefined || !this.counts)
            return;
        if (!this.counts.has(label) && this.counts.size >= MAX_CLASSES)
            return this.dropClasses();
        this.counts.set(label, (this.counts.get(label) ?? 0) + 1);
    }
    /** A label of more than MAX_CLASSES values is no class label: stratified fails, the others forget classes. */
    dropClasses() {
        const { strategy, uniformPastClasses, labelColumn } = this.options;
        if (strategy === 'stratified' && !uniformPastClasses)
            throw tooManyClasses(labelColumn);
        this.counts = null;
        this.byClass.clear();
    }
    /** The class counts of the rows offered (first-seen order), and how many were offered. */
    counted() {
        return { classes: this.counts, rows: this.seen };
    }
    /** Every item kept (for any strategy), in the order of their index: what a later draw may take. */
    kept() {
        const all = new Map();
        for (const entry of [...this.head, ...this.smallest.ranked()])
            all.set(entry.index, entry);
        for (const kept of this.byClass.values())
            for (const entry of kept.ranked())
                all.set(entry.index, entry);
        return [...all.values()].sort((a, b) => a.index - b.index);
    }
    picked(counts) {
        const { strategy, rows } = this.options;
        if (strategy === 'head' || strategy === 'all')
            return this.head;
        if (strategy === 'random' || !counts)
            return this.smallest.ranked().slice(0, rows);
        const allocation = strategies_allocate(counts, rows, this.options.minPerClass);
        const picked = [];
        for (const [label, kept] of this.byClass)
            picked.push(...kept.ranked().slice(0, allocation.get(label) ?? 0));
        return picked;
    }
    /**
     * The subset in file order, and per-class counts (in the dataset and chosen) when there is a label.
     * `given`: the counts of the whole dataset, when the items offered are only candidates.
     */
    result(given) {
        const { classes: counts, rows: offered } = given ?? this.counted();
        const picked = [...this.picked(counts)].sort((a, b) => a.index - b.index);
        const items = picked.map(entry => entry.item);
        const indices = picked.map(entry => entry.index);
        if (!counts?.size)
            return { items, indices, offered };
        const chosen = new Map();
        for (const { label } of picked)
            if (label !== undefined)
                chosen.set(label, (chosen.get(label) ?? 0) + 1);
        const classes = Object.fromEntries([...counts].map(([label, available]) => [
            label,
            { available, chosen: chosen.get(label) ?? 0 }
        ]));
        return { items, indices, offered, classes };
    }
}
/** The error a label column of more than MAX_CLASSES values gives sample-strategy stratified. */
function tooManyClasses(column) {
    const which = column === undefined ? 'label-column' : `label-column "${clip(column, 80)}"`;
    return new errors/* UserError */.yo(`${which} has more than ${MAX_CLASSES} distinct values, too many for a class label: sample-strategy stratified draws by class; for a numeric target use sample-strategy random`);
}

;// CONCATENATED MODULE: ./src/sample/subset.ts










/**
 * The subset's file name: the source's (`subset.<format>` for a dataset of several files), with .csv
 * when converting.
 */
function subsetFileName(dataset, outputFormat = 'same', format = 'csv') {
    const files = filesOf(dataset);
    const base = files.length === 1 ? path.basename(files[0]) : `subset.${format}`;
    return outputFormat === 'csv' ? `${base.replace(/\.[^.]+$/, '')}.csv` : base;
}
/**
 * `writeSubset`, in the data worker for a Parquet file when there is one: read in this thread, a large
 * Parquet file lets Node 24's young generation grow past 100 MiB (see worker/client.ts).
 */
function cutSubset(source, target, options, worker) {
    if (options.format !== 'parquet')
        return writeSubset(source, target, options);
    return inWorkerOrHere(worker, { task: PARQUET_SUBSET_TASK, source, target, options }, () => writeSubset(source, target, options));
}
/** `drawRows` past the rows in `exclude`, in the data worker for a Parquet file when there is one. */
function drawRowsOffThread(source, options, exclude, worker) {
    if (options.format !== 'parquet')
        return drawRows(source, options, {}, exclude);
    return inWorkerOrHere(worker, { task: PARQUET_DRAW_TASK, source, options, exclude }, () => drawRows(source, options, {}, exclude));
}
/** The source rows (0-based, ascending) a draw must pass over, e.g. those a subset already took. */
class Excluded {
    rows;
    next = 0;
    constructor(rows = new Uint32Array(0)) {
        this.rows = rows;
    }
    /** Whether row `index` is excluded; rows are asked about in ascending order. */
    has(index) {
        while (this.next < this.rows.length && this.rows[this.next] < index)
            this.next++;
        return this.next < this.rows.length && this.rows[this.next] === index;
    }
}
/**
 * A row's place in its file, as its priority hashes it: the line its record starts on (CSV/TSV, JSON
 * Lines), its row group and row (Parquet), else its row index in the file (a JSON array).
 */
function placeOf(format, position, rowInFile) {
    if (format === 'parquet')
        return [position.rowGroup ?? 0, position.rowInGroup ?? rowInFile];
    if (format === 'json' || position.line === undefined)
        return [rowInFile, 0];
    return [position.line, 0];
}
/**
 * Numbers the rows read as the draws rank them: each row's origin (its index among the dataset's rows,
 * its file, its place in the file), or, reading a file of candidates, the origin of the row it stands for.
 */
class RowOrigins {
    format;
    candidates;
    row = 0;
    file = 0;
    inFile = 0;
    constructor(format, candidates) {
        this.format = format;
        this.candidates = candidates;
    }
    /** The rows read next are file `file`'s. */
    startFile(file) {
        this.file = file;
        this.inFile = 0;
    }
    /** The origin of the row read next, at `position`. */
    next(position) {
        const row = this.row++;
        const origin = this.candidates?.[row];
        if (origin)
            return origin;
        const [major, minor] = placeOf(this.format, position, this.inFile++);
        return [row, this.file, major, minor];
    }
    /** The rows numbered so far. */
    get rows() {
        return this.row;
    }
}
/** A row's label as the draw counts it: its label cell's text. */
function labelOf(cells, labelIndex) {
    return labelIndex >= 0 ? String(cells[labelIndex] ?? '') : undefined;
}
/** The index of `column` in `labels`, or a clear error naming the file's columns. */
function labelIndexOf(labels, column, name) {
    if (column === undefined)
        return -1;
    const index = labels.indexOf(column);
    if (index === -1)
        throw new errors/* UserError */.yo(`label-column "${column}" is not a column of ${name} (columns: ${labels.join(', ')})`);
    return index;
}
/** The dataset's counts given with its candidates, less the rows a draw passes over. */
class CandidateCounts {
    classes;
    rows;
    constructor(candidates) {
        if (candidates.problem)
            throw new errors/* UserError */.yo(candidates.problem);
        this.classes = candidates.classes && new Map(candidates.classes);
        this.rows = candidates.rows;
    }
    pass(label) {
        this.rows--;
        if (label !== undefined && this.classes)
            this.classes.set(label, (this.classes.get(label) ?? 1) - 1);
    }
    counts() {
        return { classes: this.classes, rows: this.rows };
    }
}
/**
 * Reads the source once and draws rows in file order, passing over the rows in `exclude` (sorted
 * source row indices): the subset when there is none, rows the subset did not take when there is. A
 * dataset of several files is one table: its rows are numbered across the files, in their order.
 * `textOnly`: a drawn row keeps its source text alone, not its cells too (a 16 MiB record is held once).
 */
async function drawRows(source, options, reading, exclude, textOnly = false) {
    const files = many_filesOf(source);
    let name = external_node_path_default().basename(files[0]);
    let header = null;
    let headerRaw;
    let labelIndex = -1;
    const origins = new RowOrigins(options.format, options.candidates?.origins);
    const excluded = new Excluded(exclude);
    const given = options.candidates && new CandidateCounts(options.candidates);
    const sampler = new Sampler({
        rows: options.rows,
        strategy: options.strategy,
        seed: options.seed,
        minPerClass: options.minPerClass ?? 1,
        labelled: options.labelColumn !== undefined,
        labelColumn: options.labelColumn,
        uniformPastClasses: options.uniformPastClasses
    });
    const { lineEnding } = await readDataset(files, options.format, {
        delimiter: options.delimiter,
        dialect: options.dialect,
        columnNames: options.columnNames,
        keepRaw: true,
        ...reading
    }, {
        startFile(index) {
            name = external_node_path_default().basename(files[index]);
            origins.startFile(index);
        },
        header(labels, _line, raw) {
            header = labels;
            headerRaw = raw;
            labelIndex = labelIndexOf(labels, options.labelColumn, name);
        },
        row(cells, position) {
            const origin = origins.next(position);
            const label = labelOf(cells, labelIndex);
            if (excluded.has(origin[0]))
                return void given?.pass(label);
            const rank = rankOf(options.seed, SUBSET_SALT, origin);
            // A row the draw would not keep is only counted: its cells are not copied.
            if (!sampler.wants(rank, label)) {
                if (!given)
                    sampler.count(label);
                return !sampler.done;
            }
            const kept = textOnly && position.raw !== undefined ? [] : [...cells];
            sampler.offer({ cells: kept, raw: position.raw, index: rank.index }, rank, label, !given);
            return !sampler.done;
        },
        problem(problem) {
            throw new errors/* UserError */.yo(`${name}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`);
        }
    });
    if (header === null)
        throw new errors/* UserError */.yo(`${files.length > 1 ? 'every file of the dataset' : name} is empty; there is nothing to sample`);
    const { items, offered, classes } = sampler.result(given?.counts());
    return {
        header,
        headerRaw,
        lineEnding,
        items,
        sourceRows: sampler.done ? null : offered,
        classes
    };
}
/**
 * Writes lines, each ended by `ending` (none: an empty file), about a MiB at a time: a record of 16 MiB
 * is written on its own, not copied into one string of the whole file first.
 */
function writeLines(target, lines, ending) {
    return writeAtomically(target, async (temporary) => {
        const handle = await (0,promises_namespaceObject.open)(temporary, 'w');
        try {
            let batch = '';
            for (const line of lines) {
                if (batch.length + (line?.length ?? 0) > 1 << 20) {
                    await handle.write(batch);
                    batch = '';
                }
                if ((line?.length ?? 0) > 1 << 20)
                    await handle.write(line);
                else
                    batch += line ?? '';
                batch += ending;
            }
            await handle.write(batch);
        }
        finally {
            await handle.close();
        }
    });
}
/** Writes the drawn rows as `format`: text formats byte for byte, the others re-encoded. */
async function writeRows(source, target, format, drawn) {
    const { header, items } = drawn;
    const ending = drawn.lineEnding ?? '\n';
    const cells = () => items.map(item => item.cells);
    await (0,promises_namespaceObject.mkdir)(external_node_path_default().dirname(target), { recursive: true });
    switch (format) {
        case 'csv':
        case 'tsv':
            if (drawn.headerRaw === undefined)
                return writeFileAtomically(target, csvText(header, cells()));
            return writeLines(target, [...drawn.headerRaw, ...items.map(item => item.raw)], ending);
        case 'jsonl':
            return writeLines(target, items.map(item => item.raw), ending);
        case 'json': {
            const rows = jsonRows(header, cells()).map(row => JSON.stringify(row));
            return writeFileAtomically(target, `[\n${rows.join(',\n')}\n]\n`);
        }
        case 'parquet':
            return writeAtomically(target, temporary => writeParquetLike(source, temporary, header, cells()));
    }
}
/**
 * Cuts a subset and writes it in the dataset's own format, rows in file order: CSV/TSV and JSON Lines
 * byte for byte (quoting, dialect and embedded newlines kept), a JSON array as an array, Parquet with the
 * source's schema. Or as CSV when asked. Same inputs and seed, same bytes.
 */
async function writeSubset(source, target, options, reading = {}) {
    if (options.strategy === 'stratified' && !options.labelColumn) {
        throw new errors/* UserError */.yo('sample-strategy stratified needs label-column: the column whose values are the classes');
    }
    const format = options.outputFormat === 'csv' ? 'csv' : options.format;
    // Text written byte for byte needs only each row's source text.
    const textOnly = format === options.format && format !== 'json' && format !== 'parquet';
    const drawn = await drawRows(source, options, reading, undefined, textOnly);
    // Converted rows carry no source text: write them as CSV from their values.
    if (format !== options.format)
        drawn.headerRaw = undefined;
    await writeRows(many_filesOf(source)[0], target, format, drawn);
    return {
        path: target,
        rows: drawn.items.length,
        format,
        sourceRows: drawn.sourceRows,
        rowIndices: Uint32Array.from(drawn.items, item => item.index),
        strategy: options.strategy,
        seed: options.seed,
        sha256: (await hashFile(target)).sha256,
        labelColumn: options.labelColumn,
        classes: drawn.classes
    };
}

;// CONCATENATED MODULE: ./src/worker/perform.ts






/**
 * Does one data-worker task in this thread. It loads only the readers, the validator and the subset
 * writer. `afterBatch` is the worker's garbage collection between batches of Parquet rows.
 */
async function perform(task, afterBatch) {
    switch (task.task) {
        case tasks/* CSV_PARTITION_TASK */.YA:
            return (await validateRows(task.schema, task.options, sink => readCsvTable(task.file, task.options, sink)));
        case tasks/* PARQUET_TASK */.zZ:
            return (await validateRows(task.schema, task.options, sink => readFiles(many_filesOf(task.file), sink, file => readParquetTable(file, { afterBatch, partition: task.options.partition }, sink))));
        case tasks/* PARQUET_DRAW_TASK */.c2:
            return (await drawRows(task.source, task.options, { afterBatch }, task.exclude));
        default:
            return (await writeSubset(task.source, task.target, task.options, {
                afterBatch
            }));
    }
}


/***/ }),

/***/ 248:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   YA: () => (/* binding */ CSV_PARTITION_TASK),
/* harmony export */   c2: () => (/* binding */ PARQUET_DRAW_TASK),
/* harmony export */   sA: () => (/* binding */ WORKER_TASKS),
/* harmony export */   zZ: () => (/* binding */ PARQUET_TASK)
/* harmony export */ });
/* unused harmony export PARQUET_SUBSET_TASK */
const CSV_PARTITION_TASK = 'ml-smoke-csv-partition';
const PARQUET_TASK = 'ml-smoke-parquet';
const PARQUET_SUBSET_TASK = 'ml-smoke-parquet-subset';
/** Rows drawn past a subset's rows (the model API's held-out rows). */
const PARQUET_DRAW_TASK = 'ml-smoke-parquet-draw';
const WORKER_TASKS = new Set([
    CSV_PARTITION_TASK,
    PARQUET_TASK,
    PARQUET_SUBSET_TASK,
    PARQUET_DRAW_TASK
]);


/***/ }),

/***/ 919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

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
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
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
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
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
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(750);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
