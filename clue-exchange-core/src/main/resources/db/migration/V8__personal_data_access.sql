-- Every read of personal data through the core's API: who read what, and when.
CREATE TABLE personal_data_access (
    id          BIGSERIAL    PRIMARY KEY,
    accessed_at TIMESTAMPTZ  NOT NULL,
    user_id     VARCHAR(64)  NOT NULL,
    role        VARCHAR(16)  NOT NULL,
    resource    VARCHAR(512) NOT NULL
);
CREATE INDEX personal_data_access_user ON personal_data_access (user_id, accessed_at);
