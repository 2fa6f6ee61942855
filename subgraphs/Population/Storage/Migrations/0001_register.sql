-- The population register: persons and households. Keys and codes use the "C" collation so that
-- the keyset order of pages is the byte order of the numbers, whatever the database's locale.
-- Enumerated values are stored as the SDL's enum names.

CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;

CREATE TABLE households (
    number text COLLATE "C" PRIMARY KEY,
    kind text NOT NULL,
    head_id_number text COLLATE "C",
    address text NOT NULL,
    division text COLLATE "C" NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE TABLE persons (
    id_number text COLLATE "C" PRIMARY KEY,
    name text NOT NULL,
    former_names text[] NOT NULL,
    gender text NOT NULL,
    ethnicity_code text NOT NULL,
    birth_date date NOT NULL,
    registered_address text NOT NULL,
    registered_division text COLLATE "C" NOT NULL,
    residence_address text,
    residence_address_id text,
    marital_status text NOT NULL,
    education text NOT NULL,
    phone text,
    death_date date,
    household_number text COLLATE "C",
    relation_to_head text,
    updated_at timestamptz NOT NULL
);

-- Every filter of PersonFilter and HouseholdFilter has an index that serves it with the
-- identity-number (household-number) order of the pages where the filter is selective.
CREATE INDEX persons_name_trgm ON persons USING gin (name public.gin_trgm_ops);
CREATE INDEX persons_division ON persons (registered_division, id_number);
CREATE INDEX persons_ethnicity ON persons (ethnicity_code, id_number);
CREATE INDEX persons_birth_date ON persons (birth_date);
CREATE INDEX persons_deceased ON persons (id_number) WHERE death_date IS NOT NULL;
CREATE INDEX persons_marital_status ON persons (marital_status, id_number);
CREATE INDEX persons_gender ON persons (gender, id_number);
CREATE INDEX persons_household ON persons (household_number);
CREATE INDEX persons_updated_at ON persons (updated_at);

CREATE INDEX households_division ON households (division, number);
CREATE INDEX households_kind ON households (kind, number);
CREATE INDEX households_head ON households (head_id_number);
CREATE INDEX households_updated_at ON households (updated_at);
