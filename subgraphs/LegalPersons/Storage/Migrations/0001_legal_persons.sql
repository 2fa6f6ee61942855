-- The legal-person register. Codes sort by byte (COLLATE "C") so that keyset pagination in
-- PostgreSQL and the in-memory store agree, and so that LIKE 'prefix%' can use the b-tree indexes.
CREATE TABLE legal_persons (
    credit_code text COLLATE "C" PRIMARY KEY,
    name text NOT NULL,
    former_names text[] NOT NULL DEFAULT '{}',
    kind text NOT NULL CHECK (kind IN ('ENTERPRISE', 'PUBLIC_INSTITUTION', 'SOCIAL_ORGANISATION', 'AGENCY', 'OTHER')),
    status text NOT NULL CHECK (status IN ('ACTIVE', 'REVOKED', 'DEREGISTERED', 'MOVED_OUT', 'SUSPENDED')),
    representative_id_number text COLLATE "C",
    registered_capital numeric(20, 2) CHECK (registered_capital >= 0),
    capital_currency text,
    established_on date NOT NULL,
    operating_from date,
    operating_until date,
    address text NOT NULL,
    standard_address_id text,
    division_code text COLLATE "C" NOT NULL,
    industry_code text COLLATE "C",
    business_scope text,
    authority_credit_code text COLLATE "C" NOT NULL,
    terminated_on date,
    updated_at timestamptz NOT NULL
);

-- One index per filter and sort; each ends with credit_code so a filtered page is read in order.
CREATE INDEX legal_persons_representative ON legal_persons (representative_id_number, credit_code) WHERE representative_id_number IS NOT NULL;
CREATE INDEX legal_persons_division ON legal_persons (division_code, credit_code);
CREATE INDEX legal_persons_industry ON legal_persons (industry_code, credit_code);
CREATE INDEX legal_persons_kind ON legal_persons (kind, credit_code);
CREATE INDEX legal_persons_status ON legal_persons (status, credit_code);
CREATE INDEX legal_persons_established ON legal_persons (established_on);
CREATE INDEX legal_persons_updated ON legal_persons (updated_at);

-- Shareholders in register order; a shareholder is a person (id number), a legal person (credit
-- code) or one outside the registers (neither).
CREATE TABLE shareholdings (
    credit_code text COLLATE "C" NOT NULL REFERENCES legal_persons (credit_code) ON DELETE CASCADE,
    position integer NOT NULL,
    shareholder_id_number text,
    shareholder_credit_code text,
    shareholder_name text NOT NULL,
    subscribed_amount numeric(20, 2) CHECK (subscribed_amount >= 0),
    subscribed_currency text,
    paid_in_amount numeric(20, 2) CHECK (paid_in_amount >= 0),
    paid_in_currency text,
    share_percentage double precision CHECK (share_percentage BETWEEN 0 AND 100),
    PRIMARY KEY (credit_code, position),
    CHECK (shareholder_id_number IS NULL OR shareholder_credit_code IS NULL)
);

CREATE TABLE annual_reports (
    credit_code text COLLATE "C" NOT NULL REFERENCES legal_persons (credit_code) ON DELETE CASCADE,
    year integer NOT NULL,
    filed_on date NOT NULL,
    employees integer,
    operating_status text,
    phone text,
    website text,
    PRIMARY KEY (credit_code, year)
);
