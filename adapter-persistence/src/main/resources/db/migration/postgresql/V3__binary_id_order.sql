-- Ids sort and compare byte by byte, as on H2 and in Java, whatever the database's collation:
-- keyset paging and claiming by "id > last id" then visit every record once, in a stable order.
ALTER TABLE deployment_key ALTER COLUMN id TYPE VARCHAR(36) COLLATE "C";
ALTER TABLE credentials_entity ALTER COLUMN id TYPE VARCHAR(36) COLLATE "C";
ALTER TABLE api_key ALTER COLUMN id TYPE VARCHAR(36) COLLATE "C";
