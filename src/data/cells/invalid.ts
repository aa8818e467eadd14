/** What a cast returns for a cell that is not of its field's type: a symbol, so no cast value equals it. */
export const INVALID = Symbol('invalid')
