package org.relengine.validate;

/**
 * The catalogue of every problem relengine reports in a recipe: a stable code and the wording, in one
 * place so that it can be reviewed and documented. Arguments are filled with {@link String#format}.
 */
public enum Problem {
    // the recipe as text
    UNREADABLE("R100", "cannot read recipe `%s`: %s"),
    SYNTAX("R101", "%s"),
    UNKNOWN_KEYWORD("R102", "unknown keyword `%s` in %s"),
    MISPLACED_KEYWORD("R103", "`%s` is not allowed at %s; it belongs inside `%s { … }`"),
    UNKNOWN_OPTION("R104", "unknown option `%s` for `%s`"),
    DUPLICATE_OPTION("R105", "option `%s` is given twice"),
    WRONG_TYPE("R106", "%s must be %s, not %s"),
    ARGUMENT_COUNT("R107", "`%s` takes %s, not %d"),
    BLOCK_EXPECTED("R108", "`%s` needs a block: `%s { … }`"),
    BLOCK_UNEXPECTED("R109", "`%s` takes no block"),
    UNKNOWN_NAME("R110", "unknown name `%s`"),
    NEEDS_PARENTHESES("R111", "`%s` needs parentheses: write `%s()`"),
    NOT_DECLARATIVE("R112", "%s is not allowed in a recipe"),
    EXTRA_BLOCK("R113", "`%s` takes one block"),
    MISPLACED_TOP_LEVEL("R114", "`%s` is not allowed in %s; it belongs at the top level of the recipe"),
    MALFORMED_DURATION("R115", "%s is not a duration: '%s'"),
    SAME_OPTION("R116", "`%s` and `%s` are the same option of `%s`; give one"),

    // constants
    CONSTANT_NOT_TOP_LEVEL("R117", "constant `%s` is defined in %s; constants are defined at the top level"),
    RESERVED_NAME("R118", "`%s` cannot name a constant: it is %s"),
    CONSTANT_CYCLE("R119", "constant `%s` is defined through itself: %s"),
    PLUS_TYPES("R120", "`+` joins two lists or two strings, not %s and %s"),
    NOT_INTERPOLATED("R121", "%s cannot be put into a string: only strings and numbers can"),
    UNKNOWN_FIELD("R122", "the release has no field `%s`"),
    FIELD_MISSING("R123", "`release.%s` is used, but %s"),
    FIELD_IN_RELEASE("R124", "`release.%s` is used inside `release` itself"),
    NAME_NOT_LITERAL("R125", "the %s of `%s` is written out, not computed"),
    CONSTANT_TWICE("R126", "constant `%s` is defined twice in this file; the second value is used"),
    CONSTANT_UNUSED("R127", "constant `%s` is never used"),

    // includes and overrides
    INCLUDE_MISSING("R201", "included recipe `%s` does not exist"),
    INCLUDE_CYCLE("R202", "recipe `%s` includes itself (%s)"),
    INCLUDE_NOT_FIRST("R203", "`include` must come before every declaration"),
    DUPLICATE("R204", "%s is declared twice"),
    NOTHING_TO_REMOVE("R205", "`remove '%s'` removes nothing: no `%s` is inherited in %s"),
    AMBIGUOUS_REMOVE("R207", "`remove '%s'` is ambiguous in %s: it matches %s"),
    INCLUDE_NOT_RECIPE("R206", "`include '%s'` names a file that is not a recipe (*.groovy)"),

    // the model
    MISSING("R301", "the recipe declares no `%s`"),
    MISSING_OPTION("R302", "`%s` needs the option `%s`"),
    MALFORMED_VERSION("R303", "malformed version `%s`: write major.minor, e.g. '9.5'"),
    MALFORMED_RC("R304", "malformed RC level `%s`: write RC1, BETA1 or LH1"),
    UNKNOWN_ARCH("R305", "unknown arch `%s`"),
    DUPLICATE_ARCH("R306", "arch `%s` is listed twice"),
    ARCH_NOT_IN_RELEASE("R307", "%s is declared on `%s`, which is not one of the release's arches (%s)"),
    UNKNOWN_REPO("R308", "%s names repo `%s`, which is not declared"),
    CLOSURE_ON_ITSELF("R309", "the closure of repo `%s` names the repo itself"),
    CLOSURE_CYCLE("R310", "closure cycle: %s"),
    CLOSURE_ARCH("R311", "the closure of repo `%s` needs repo `%s` on %s, where `%s` does not exist"),
    VOLUME_ID_TOO_LONG("R312", "volume id `%s` is %d characters long; ISO 9660 allows at most 32"),
    PREREQUISITE_MISSING("R313", "step `%s` needs step `%s`, which the recipe does not declare"),
    UNKNOWN_SOURCE("R314", "`%s` syncs from `%s`, but the recipe declares no `source %s`"),
    UNKNOWN_IMAGE("R315", "%s names %s `%s`, which is not declared"),
    IMAGE_NOT_BUILT("R316", "`extras '%s'` builds an image that is declared with %s"),
    MULTILIB_ARCH("R317", "multilib arches are given for `%s`, which is not one of the release's arches"),
    MALFORMED_OWNER("R318", "malformed owner `%s`: write uid:gid, e.g. '10004:10005'"),
    EMPTY("R319", "%s is empty"),
    CONFLICT("R320", "%s"),
    MISSING_ARGUMENT("R321", "`%s` needs its %s first, e.g. %s"),
    DECLARATION_MISSING("R322", "step `%s` needs the declaration `%s` (%s)"),
    OUT_OF_RANGE("R323", "%s is %d; it must be %s"),
    MALFORMED_MODULE("R324", "`%s` is not a file list module: %s"),
    MALFORMED_URL("R325", "%s `%s` is not a URL %s can read: %s");

    private final String code;
    private final String template;

    Problem(String code, String template) {
        this.code = code;
        this.template = template;
    }

    public String code() {
        return code;
    }

    public String template() {
        return template;
    }

    public String format(Object... args) {
        return String.format(template, args);
    }
}
