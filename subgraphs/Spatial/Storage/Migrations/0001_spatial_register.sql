-- The spatial register: divisions, standard addresses, land parcels, in CGCS2000 (EPSG:4490).
-- Keys and codes sort byte-wise (COLLATE "C") so unit-code order and prefix matches are the same
-- as the in-memory store's ordinal order, and LIKE 'prefix%' can use the b-tree indexes.
CREATE EXTENSION IF NOT EXISTS postgis SCHEMA public;
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;

CREATE TABLE divisions (
    code text COLLATE "C" PRIMARY KEY,
    name text NOT NULL,
    full_name text NOT NULL,
    level text NOT NULL CHECK (level IN ('PROVINCE', 'PREFECTURE', 'COUNTY')),
    parent_code text COLLATE "C",
    boundary geometry(Geometry, 4490) CHECK (boundary IS NULL OR GeometryType(boundary) IN ('POLYGON', 'MULTIPOLYGON')),
    centre geometry(Point, 4490) NOT NULL,
    abolished_on date,
    CHECK (abolished_on IS NULL OR boundary IS NULL)
);
CREATE INDEX divisions_parent ON divisions (parent_code, code);
CREATE INDEX divisions_boundary ON divisions USING gist (boundary);

CREATE TABLE parcels (
    unit_code text COLLATE "C" PRIMARY KEY,
    land_use_code text COLLATE "C" NOT NULL,
    area_m2 double precision NOT NULL CHECK (area_m2 > 0),
    boundary geometry(Geometry, 4490) NOT NULL CHECK (GeometryType(boundary) IN ('POLYGON', 'MULTIPOLYGON')),
    division_code text COLLATE "C" NOT NULL,
    location text,
    -- [{"idNumber"|"creditCode", "kind", "share", "from", "until"}]: read with the parcel in one
    -- row, and found by holder through the GIN index (rights @> '[{"idNumber": "…"}]').
    rights jsonb NOT NULL DEFAULT '[]',
    updated_at timestamptz NOT NULL
);
CREATE INDEX parcels_boundary ON parcels USING gist (boundary);
CREATE INDEX parcels_boundary_geography ON parcels USING gist (geography(boundary));
CREATE INDEX parcels_division ON parcels (division_code, unit_code);
CREATE INDEX parcels_land_use ON parcels (land_use_code, unit_code);
CREATE INDEX parcels_area ON parcels (area_m2);
CREATE INDEX parcels_updated ON parcels (updated_at);
CREATE INDEX parcels_rights ON parcels USING gin (rights jsonb_path_ops);

CREATE TABLE addresses (
    id text COLLATE "C" PRIMARY KEY,
    text text NOT NULL,
    division_code text COLLATE "C" NOT NULL,
    township text,
    community text,
    road text,
    house_number text,
    building text,
    unit text,
    room text,
    postal_code text,
    location geometry(Point, 4490) NOT NULL,
    parcel_unit_code text COLLATE "C",
    updated_at timestamptz NOT NULL
);
CREATE INDEX addresses_location ON addresses USING gist (location);
CREATE INDEX addresses_location_geography ON addresses USING gist (geography(location));
CREATE INDEX addresses_text ON addresses USING gin (text gin_trgm_ops);
CREATE INDEX addresses_division ON addresses (division_code);
CREATE INDEX addresses_search_order ON addresses (char_length(text), id);
