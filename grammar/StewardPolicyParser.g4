// The syntax of steward's policy language. See docs/language.md for the reference.
//
// Ordering rules that ANTLR would report poorly (metadata before clauses, clauses before outcomes,
// `when` before the first `for`) are left to the AST builder, which says what is wrong in words.
parser grammar StewardPolicyParser;

options { tokenVocab = StewardPolicyLexer; }

policyFile: packDecl? declaration* EOF;

packDecl: PACK IDENT;

declaration: ruleDecl | funcDecl;

funcDecl: FUNC IDENT LPAREN (param (COMMA param)*)? RPAREN ASSIGN expr;

param: IDENT COLON typeName;

// `event`, `string`, `list<property>`.
typeName: IDENT (LT typeName GT)?;

ruleDecl: RULE ruleId LBRACE ruleItem* RBRACE;

ruleId: IDENT (DOT fieldName)+;

// Further metadata (`url "https://..."`, `tags ["security", "gdpr"]`) starts with a name: no new
// keyword, so packs that use the word as a variable keep working. The predicates keep any other
// name from being taken for metadata, so a stray word mid-rule is reported where it stands.
ruleItem
  : SEVERITY severityName=(IDENT | NOTE)        # severityItem
  | TITLE text                                  # titleItem
  | HELP text                                   # helpItem
  | {_input->LT(1)->getText() == "url"}? metadataName=IDENT text   # metadataItem
  | {_input->LT(1)->getText() == "tags"}? metadataName=IDENT LBRACK (text (COMMA text)* COMMA?)? RBRACK  # tagsItem
  | FOR IDENT IN expr                           # forClause
  | WHERE expr                                  # whereClause
  | LET IDENT ASSIGN expr                       # letClause
  | WHEN expr                                   # whenClause
  | kind=(DENY | WARN | NOTE) (AT expr)? text (SUGGEST text)?   # findingOutcome
  | REQUIRE REVIEW BY expr (AT expr)? text?     # reviewOutcome
  ;

// Alternatives are listed from the tightest binding to the loosest.
expr
  : primary                                              # primaryExpr
  | expr DOT fieldName LPAREN arguments? RPAREN          # methodCallExpr
  | expr DOT fieldName                                   # fieldExpr
  | expr LBRACK expr RBRACK                              # indexExpr
  | expr op=(EQ | NE | LT | LE | GT | GE) expr           # compareExpr
  | expr NOT? IN expr                                    # inExpr
  | expr op=(MATCHES | GLOB | WITHIN) expr               # matchExpr
  | NOT expr                                             # notExpr
  | expr AND expr                                        # andExpr
  | expr OR expr                                         # orExpr
  | IF expr THEN expr ELSE expr                          # ifExpr
  | quantifier=(SOME | ALL) IDENT IN expr COLON expr     # quantifierExpr
  ;

primary
  : TRUE                                                 # trueLiteral
  | FALSE                                                # falseLiteral
  | NONE                                                 # noneLiteral
  | NUMBER                                               # numberLiteral
  | text                                                 # textLiteral
  | IDENT LPAREN arguments? RPAREN                       # callExpr
  | IDENT                                                # nameExpr
  | LPAREN expr RPAREN                                   # parenExpr
  | LBRACK (expr (COMMA expr)* COMMA?)? RBRACK           # listExpr
  ;

arguments: expr (COMMA expr)*;

text
  : STR_OPEN textPart* STR_CLOSE                         # quotedText
  | RAW_STRING                                           # rawText
  ;

textPart
  : STR_TEXT                                             # plainPart
  | STR_ESCAPE                                           # escapePart
  | STR_INTERP_OPEN expr RBRACE                          # interpolationPart
  ;

// Field and method names may be keywords (`x.in`, `c.all`), except those that start a clause or a
// declaration: `a.` at the end of a line must not swallow the next line's `deny`.
fieldName
  : IDENT | IN | AND | OR | NOT | MATCHES | GLOB | WITHIN | SOME | ALL | IF | THEN | ELSE | TRUE
  | FALSE | NONE | AT | BY | REVIEW | SUGGEST
  ;
