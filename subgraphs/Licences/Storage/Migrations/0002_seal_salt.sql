-- The seal's random salt, part of the sealed content (so the public digest confirms no guess of
-- the items) and shown only among the items (`…Items.sealSalt`). Rows sealed before salts get
-- the empty salt here; the library's start-up seals each of them anew with a fresh salt
-- (PostgresLicenceStore.UnsaltedNumbersAsync), since only the issuers' keys can sign.

ALTER TABLE licences ADD COLUMN seal_salt text NOT NULL DEFAULT '';
ALTER TABLE licences ALTER COLUMN seal_salt DROP DEFAULT;
CREATE INDEX licences_unsalted ON licences (number) WHERE seal_salt = '';
