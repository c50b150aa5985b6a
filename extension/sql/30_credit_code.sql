-- credit_code: 统一社会信用代码 (GB 32100-2015) as an enterprise key.
-- See doc/credit_code.md.  Stored packed in 11 bytes (fixed forever at 1.0:
-- the hash functions below hash those bytes, so hash partitions depend on it).

CREATE TYPE @extschema@.credit_code;

CREATE FUNCTION @extschema@.credit_code_in(cstring) RETURNS @extschema@.credit_code
	AS 'MODULE_PATHNAME', 'credit_code_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.credit_code_out(@extschema@.credit_code) RETURNS cstring
	AS 'MODULE_PATHNAME', 'credit_code_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.credit_code_recv(internal) RETURNS @extschema@.credit_code
	AS 'MODULE_PATHNAME', 'credit_code_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.credit_code_send(@extschema@.credit_code) RETURNS bytea
	AS 'MODULE_PATHNAME', 'credit_code_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.credit_code (
	INPUT = @extschema@.credit_code_in,
	OUTPUT = @extschema@.credit_code_out,
	RECEIVE = @extschema@.credit_code_recv,
	SEND = @extschema@.credit_code_send,
	INTERNALLENGTH = 11,
	ALIGNMENT = char,
	STORAGE = plain
);
COMMENT ON TYPE @extschema@.credit_code IS
	'统一社会信用代码 (unified social credit code, GB 32100-2015), validated and normalised';

-- Explicit casts from and to text, through the type's I/O (text → credit_code validates).
CREATE CAST (text AS @extschema@.credit_code) WITH INOUT;
CREATE CAST (@extschema@.credit_code AS text) WITH INOUT;

-- Checks on text that never raise for bad input.
CREATE FUNCTION @extschema@.credit_code_is_valid(text) RETURNS boolean
	AS 'MODULE_PATHNAME', 'credit_code_is_valid' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_code_is_valid(text) IS
	'true if the text is a valid 统一社会信用代码 after normalisation';
CREATE FUNCTION @extschema@.credit_code_check(text) RETURNS text
	AS 'MODULE_PATHNAME', 'credit_code_check' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_code_check(text) IS
	'why the text is not a valid 统一社会信用代码, or NULL if it is';

-- Parts.
CREATE FUNCTION @extschema@.credit_code_authority(@extschema@.credit_code) RETURNS text
	AS 'MODULE_PATHNAME', 'credit_code_authority' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_code_authority(@extschema@.credit_code) IS
	'登记管理部门代码 (position 1)';
CREATE FUNCTION @extschema@.credit_code_authority_label(@extschema@.credit_code) RETURNS text
	AS 'MODULE_PATHNAME', 'credit_code_authority_label' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_code_authority_label(@extschema@.credit_code) IS
	'登记管理部门 name, e.g. 工商';
CREATE FUNCTION @extschema@.credit_code_category(@extschema@.credit_code) RETURNS text
	AS 'MODULE_PATHNAME', 'credit_code_category' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_code_category(@extschema@.credit_code) IS
	'登记管理部门代码 and 机构类别代码 (positions 1-2), e.g. 91';
CREATE FUNCTION @extschema@.credit_code_category_label(@extschema@.credit_code) RETURNS text
	AS 'MODULE_PATHNAME', 'credit_code_category_label' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_code_category_label(@extschema@.credit_code) IS
	'机构类别 name, e.g. 企业';
CREATE FUNCTION @extschema@.credit_code_division(@extschema@.credit_code) RETURNS text
	AS 'MODULE_PATHNAME', 'credit_code_division' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_code_division(@extschema@.credit_code) IS
	'登记管理机关行政区划码 (positions 3-8), e.g. 330110';
CREATE FUNCTION @extschema@.credit_code_province(@extschema@.credit_code) RETURNS text
	AS 'MODULE_PATHNAME', 'credit_code_province' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_code_province(@extschema@.credit_code) IS
	'province part of the division code (positions 3-4), e.g. 33';
CREATE FUNCTION @extschema@.credit_code_city(@extschema@.credit_code) RETURNS text
	AS 'MODULE_PATHNAME', 'credit_code_city' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_code_city(@extschema@.credit_code) IS
	'prefecture part of the division code (positions 3-6), e.g. 3301';
CREATE FUNCTION @extschema@.credit_code_org_code(@extschema@.credit_code) RETURNS text
	AS 'MODULE_PATHNAME', 'credit_code_org_code' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_code_org_code(@extschema@.credit_code) IS
	'组织机构代码 (positions 9-17) written as GB 11714 does, e.g. 79965505-8';

-- Test data.
CREATE FUNCTION @extschema@.credit_code_make(admin_division text, seq bigint,
		authority text DEFAULT '9', category text DEFAULT '1')
	RETURNS @extschema@.credit_code
	AS 'MODULE_PATHNAME', 'credit_code_make' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_code_make(text, bigint, text, text) IS
	'a valid 统一社会信用代码 built from a division code and a sequence number, for test data';

-- Comparison.
CREATE FUNCTION @extschema@.credit_code_eq(@extschema@.credit_code, @extschema@.credit_code) RETURNS boolean
	AS 'MODULE_PATHNAME', 'credit_code_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.credit_code_ne(@extschema@.credit_code, @extschema@.credit_code) RETURNS boolean
	AS 'MODULE_PATHNAME', 'credit_code_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.credit_code_lt(@extschema@.credit_code, @extschema@.credit_code) RETURNS boolean
	AS 'MODULE_PATHNAME', 'credit_code_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.credit_code_le(@extschema@.credit_code, @extschema@.credit_code) RETURNS boolean
	AS 'MODULE_PATHNAME', 'credit_code_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.credit_code_gt(@extschema@.credit_code, @extschema@.credit_code) RETURNS boolean
	AS 'MODULE_PATHNAME', 'credit_code_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.credit_code_ge(@extschema@.credit_code, @extschema@.credit_code) RETURNS boolean
	AS 'MODULE_PATHNAME', 'credit_code_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.credit_code_cmp(@extschema@.credit_code, @extschema@.credit_code) RETURNS integer
	AS 'MODULE_PATHNAME', 'credit_code_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.credit_code_sortsupport(internal) RETURNS void
	AS 'MODULE_PATHNAME', 'credit_code_sortsupport' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.credit_code_hash(@extschema@.credit_code) RETURNS integer
	AS 'MODULE_PATHNAME', 'credit_code_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.credit_code_hash_extended(@extschema@.credit_code, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME', 'credit_code_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.credit_code, RIGHTARG = @extschema@.credit_code,
	FUNCTION = @extschema@.credit_code_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.credit_code, RIGHTARG = @extschema@.credit_code,
	FUNCTION = @extschema@.credit_code_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.credit_code, RIGHTARG = @extschema@.credit_code,
	FUNCTION = @extschema@.credit_code_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.credit_code, RIGHTARG = @extschema@.credit_code,
	FUNCTION = @extschema@.credit_code_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.credit_code, RIGHTARG = @extschema@.credit_code,
	FUNCTION = @extschema@.credit_code_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.credit_code, RIGHTARG = @extschema@.credit_code,
	FUNCTION = @extschema@.credit_code_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);

CREATE OPERATOR CLASS @extschema@.credit_code_ops
	DEFAULT FOR TYPE @extschema@.credit_code USING btree AS
		OPERATOR 1 @extschema@.<,
		OPERATOR 2 @extschema@.<=,
		OPERATOR 3 @extschema@.=,
		OPERATOR 4 @extschema@.>=,
		OPERATOR 5 @extschema@.>,
		FUNCTION 1 @extschema@.credit_code_cmp(@extschema@.credit_code, @extschema@.credit_code),
		FUNCTION 2 @extschema@.credit_code_sortsupport(internal),
		FUNCTION 4 pg_catalog.btequalimage(oid);

CREATE OPERATOR CLASS @extschema@.credit_code_ops
	DEFAULT FOR TYPE @extschema@.credit_code USING hash AS
		OPERATOR 1 @extschema@.=,
		FUNCTION 1 @extschema@.credit_code_hash(@extschema@.credit_code),
		FUNCTION 2 @extschema@.credit_code_hash_extended(@extschema@.credit_code, bigint);
