// The tokens of steward's policy language. See docs/language.md for the language itself.
//
// Strings use lexer modes so that `{expr}` interpolation is ordinary tokens: a `"` enters
// STRING_MODE, a `{` inside a string pushes the default mode back for the expression, and the
// matching `}` pops it. Braces of rule bodies push and pop the default mode too, so every `}`
// closes exactly what the last `{` opened.
lexer grammar StewardPolicyLexer;

// Keywords. They may still be used as field and method names after a `.` (see fieldName).
PACK: 'pack';
RULE: 'rule';
FUNC: 'func';
SEVERITY: 'severity';
TITLE: 'title';
HELP: 'help';
FOR: 'for';
IN: 'in';
WHERE: 'where';
LET: 'let';
WHEN: 'when';
DENY: 'deny';
WARN: 'warn';
NOTE: 'note';
AT: 'at';
SUGGEST: 'suggest';
REQUIRE: 'require';
REVIEW: 'review';
BY: 'by';
AND: 'and';
OR: 'or';
NOT: 'not';
MATCHES: 'matches';
GLOB: 'glob';
WITHIN: 'within';
SOME: 'some';
ALL: 'all';
IF: 'if';
THEN: 'then';
ELSE: 'else';
TRUE: 'true';
FALSE: 'false';
NONE: 'none' | 'null';

EQ: '==';
NE: '!=';
LE: '<=';
GE: '>=';
LT: '<';
GT: '>';
ASSIGN: '=';
LPAREN: '(';
RPAREN: ')';
LBRACK: '[';
RBRACK: ']';
LBRACE: '{' -> pushMode(DEFAULT_MODE);
// An unbalanced `}` must be a syntax error, not an exception from an empty mode stack.
RBRACE: '}' { if (!modeStack.empty()) popMode(); };
COMMA: ',';
DOT: '.';
COLON: ':';

NUMBER: '-'? DIGIT+ ('.' DIGIT+)? ([eE] [+-]? DIGIT+)?;
// Dashes join words (rule ids, team names: `team-security`); the language has no subtraction.
IDENT: [a-zA-Z_] [a-zA-Z0-9_]* ('-' [a-zA-Z0-9_]+)*;

// Single quotes: raw text, no escapes and no interpolation (regular expressions, globs).
RAW_STRING: '\'' ~['\r\n]* '\'';
UNTERMINATED_RAW_STRING: '\'' ~['\r\n]*;
STR_OPEN: '"' -> pushMode(STRING_MODE);

LINE_COMMENT: ('#' | '//') ~[\r\n]* -> skip;
WS: [ \t\r\n\f]+ -> skip;

// Anything else is one bad character; the parser reports it where it stands.
BAD_CHAR: .;

fragment DIGIT: [0-9];

mode STRING_MODE;
STR_ESCAPE: '\\' ~[\r\n];
STR_INTERP_OPEN: '{' -> pushMode(DEFAULT_MODE);
STR_TEXT: ~["\\{\r\n]+;
STR_CLOSE: '"' -> popMode;
// Strings end on the line they start on; the newline ends the string so the rest still parses.
STR_UNTERMINATED: ('\r'? '\n' | '\r' | '\\') -> popMode;
