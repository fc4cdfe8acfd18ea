-- Inkan DMARC report store, schema version 2: which aggregate reports were made, so that of several James nodes
-- sharing one store exactly one sends each report (the primary key is the claim).
CREATE TABLE inkan_dmarc_report_sent (
    policy_domain VARCHAR(253) NOT NULL,
    period_begin BIGINT NOT NULL,
    period_end BIGINT NOT NULL,
    node VARCHAR(255),
    claimed_at BIGINT NOT NULL,
    PRIMARY KEY (policy_domain, period_begin)
);
