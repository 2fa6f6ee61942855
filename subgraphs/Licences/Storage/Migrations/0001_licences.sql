-- The licence library. Runs with search_path set to the subgraph's schema.

CREATE TABLE seal_certificates (
    seal_id text COLLATE "C" PRIMARY KEY,
    agency_credit_code text NOT NULL,
    certificate text NOT NULL -- X.509 DER, base64, as the seal's `certificate` field gives it
);

CREATE TABLE licences (
    number text COLLATE "C" PRIMARY KEY,
    type_code text NOT NULL,
    holder_kind text NOT NULL CHECK (holder_kind IN ('PERSON', 'LEGAL_PERSON')),
    holder_key text NOT NULL,
    holder_name text NOT NULL,
    issuing_agency text NOT NULL,
    issuing_agency_name text NOT NULL,
    issued_on date NOT NULL,
    valid_from date NOT NULL,
    valid_until date,
    status text NOT NULL CHECK (status IN ('VALID', 'EXPIRED', 'SUSPENDED', 'REVOKED', 'CANCELLED')),
    -- The items as printed, in the type's order: three arrays of one length.
    item_keys text[] NOT NULL,
    item_labels text[] NOT NULL,
    item_values text[] NOT NULL,
    seal_algorithm text NOT NULL,
    seal_canonicalization text NOT NULL,
    seal_content text NOT NULL,
    seal_signature text NOT NULL,
    seal_id text COLLATE "C" NOT NULL REFERENCES seal_certificates (seal_id),
    sealed_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CHECK (valid_until IS NULL OR valid_until >= valid_from),
    CHECK (cardinality(item_keys) = cardinality(item_values) AND cardinality(item_keys) = cardinality(item_labels))
);

-- Lists are newest issue first: (issued_on DESC, number) is the keyset of every list and filter.
CREATE INDEX licences_by_issue ON licences (issued_on DESC, number);
CREATE INDEX licences_by_holder ON licences (holder_kind, holder_key, issued_on DESC, number);
CREATE INDEX licences_by_type ON licences (type_code, issued_on DESC, number);
CREATE INDEX licences_by_status ON licences (status, issued_on DESC, number);
CREATE INDEX licences_by_agency ON licences (issuing_agency, issued_on DESC, number);
CREATE INDEX licences_by_validity ON licences (valid_from, valid_until);
CREATE INDEX licences_by_update ON licences (updated_at);
