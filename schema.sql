-- İzer message pipeline: MySQL / MariaDB schema (utf8mb4). The source of truth for db/models.py.
-- Apply with: mysql -u root < schema.sql

CREATE DATABASE IF NOT EXISTS whatsapp_webhook CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
USE whatsapp_webhook;

-- Every incoming message, once (message_id is the bridge id or Meta's wamid). Ids compare exactly
-- (utf8mb4_bin): two ids differing only in case or trailing spaces are two messages.
CREATE TABLE IF NOT EXISTS webhook_messages (
    id BIGINT NOT NULL AUTO_INCREMENT,
    message_id VARCHAR(191) COLLATE utf8mb4_bin NOT NULL,
    chat_time DATETIME(6) NOT NULL,
    chat_name VARCHAR(255) NOT NULL DEFAULT '',
    phone_number VARCHAR(32) NOT NULL,
    current_message TEXT NOT NULL,
    source VARCHAR(16) NOT NULL DEFAULT 'bridge',
    message_type VARCHAR(32) NOT NULL DEFAULT 'text',
    is_group BOOLEAN NOT NULL DEFAULT FALSE,
    reply_to VARCHAR(191) NULL,
    media TEXT NULL,
    workflow_id VARCHAR(255) NOT NULL,
    received_at DATETIME(6) NOT NULL,
    status VARCHAR(16) NOT NULL DEFAULT 'received',
    due_at DATETIME(6) NULL,
    escalation_level INT NOT NULL DEFAULT 0,
    answered_at DATETIME(6) NULL,
    answered_by VARCHAR(255) NULL,
    answer_source VARCHAR(32) NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_webhook_messages_message_id (message_id),
    KEY ix_webhook_messages_phone_status (phone_number, status),
    KEY ix_webhook_messages_status (status),
    KEY ix_webhook_messages_received_at (received_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The chat history that came with a message, oldest first.
CREATE TABLE IF NOT EXISTS message_history (
    id BIGINT NOT NULL AUTO_INCREMENT,
    message_id VARCHAR(191) COLLATE utf8mb4_bin NOT NULL,
    position INT NOT NULL,
    sender VARCHAR(255) NOT NULL DEFAULT '',
    content TEXT NOT NULL,
    sent_at DATETIME(6) NULL,
    entry_type VARCHAR(32) NOT NULL DEFAULT 'text',
    is_business BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (id),
    UNIQUE KEY uq_message_history_message_position (message_id, position),
    CONSTRAINT fk_message_history_message FOREIGN KEY (message_id)
        REFERENCES webhook_messages (message_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One analysis per attempt (a replay adds an attempt).
CREATE TABLE IF NOT EXISTS analytics_results (
    id BIGINT NOT NULL AUTO_INCREMENT,
    message_id VARCHAR(191) COLLATE utf8mb4_bin NOT NULL,
    attempt INT NOT NULL DEFAULT 1,
    urgency_score INT NOT NULL,
    category VARCHAR(16) NOT NULL,
    sentiment VARCHAR(16) NOT NULL,
    keywords TEXT NOT NULL,
    priority_level VARCHAR(16) NOT NULL,
    action_required BOOLEAN NOT NULL,
    recommended_response_time VARCHAR(16) NOT NULL,
    analyzer VARCHAR(16) NOT NULL,
    degraded BOOLEAN NOT NULL DEFAULT FALSE,
    signals TEXT NOT NULL,
    model VARCHAR(64) NULL,
    prompt_tokens INT NULL,
    completion_tokens INT NULL,
    latency_ms DOUBLE NULL,
    created_at DATETIME(6) NOT NULL,
    model_version VARCHAR(64) NULL,
    needs_review BOOLEAN NOT NULL DEFAULT FALSE,
    degraded_reason VARCHAR(255) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_analytics_results_message_attempt (message_id, attempt),
    KEY ix_analytics_results_created_at (created_at),
    CONSTRAINT fk_analytics_results_message FOREIGN KEY (message_id)
        REFERENCES webhook_messages (message_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Which agent got the message, and what it answered.
CREATE TABLE IF NOT EXISTS agent_routing (
    id BIGINT NOT NULL AUTO_INCREMENT,
    message_id VARCHAR(191) COLLATE utf8mb4_bin NOT NULL,
    attempt INT NOT NULL DEFAULT 1,
    agent VARCHAR(64) NOT NULL,
    first_choice VARCHAR(64) NULL,
    success BOOLEAN NOT NULL,
    fallback BOOLEAN NOT NULL DEFAULT FALSE,
    idempotency_key VARCHAR(255) NOT NULL,
    response TEXT NULL,
    error TEXT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_agent_routing_message_attempt (message_id, attempt),
    KEY ix_agent_routing_created_at (created_at),
    CONSTRAINT fk_agent_routing_message FOREIGN KEY (message_id)
        REFERENCES webhook_messages (message_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every warning and escalation sent, one row per level, kind and target.
CREATE TABLE IF NOT EXISTS escalations (
    id BIGINT NOT NULL AUTO_INCREMENT,
    message_id VARCHAR(191) COLLATE utf8mb4_bin NOT NULL,
    level INT NOT NULL,
    kind VARCHAR(16) NOT NULL DEFAULT 'breach',
    target VARCHAR(64) NOT NULL,
    delivered BOOLEAN NOT NULL DEFAULT FALSE,
    detail TEXT NULL,
    due_at DATETIME(6) NOT NULL,
    late_by_seconds DOUBLE NOT NULL DEFAULT 0,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_escalations_message_level_kind_target (message_id, level, kind, target),
    KEY ix_escalations_created_at (created_at),
    CONSTRAINT fk_escalations_message FOREIGN KEY (message_id)
        REFERENCES webhook_messages (message_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A person's correction of a message's labels: who, when, the labels before and after.
CREATE TABLE IF NOT EXISTS label_corrections (
    id BIGINT NOT NULL AUTO_INCREMENT,
    message_id VARCHAR(191) COLLATE utf8mb4_bin NOT NULL,
    corrected_by VARCHAR(255) NOT NULL,
    analyzer VARCHAR(16) NOT NULL,
    model_version VARCHAR(64) NULL,
    old_category VARCHAR(16) NOT NULL,
    new_category VARCHAR(16) NOT NULL,
    old_priority VARCHAR(16) NOT NULL,
    new_priority VARCHAR(16) NOT NULL,
    old_action_required BOOLEAN NOT NULL,
    new_action_required BOOLEAN NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_label_corrections_message_id (message_id),
    KEY ix_label_corrections_created_at (created_at),
    CONSTRAINT fk_label_corrections_message FOREIGN KEY (message_id)
        REFERENCES webhook_messages (message_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Delivery statuses Meta reports for outgoing messages (sent, delivered, read, failed).
CREATE TABLE IF NOT EXISTS message_statuses (
    id BIGINT NOT NULL AUTO_INCREMENT,
    wamid VARCHAR(191) COLLATE utf8mb4_bin NOT NULL,
    status VARCHAR(16) NOT NULL,
    recipient_phone VARCHAR(32) NOT NULL,
    status_at DATETIME(6) NOT NULL,
    errors TEXT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_message_statuses_wamid_status (wamid, status),
    KEY ix_message_statuses_recipient (recipient_phone)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Replies sent to customers from İzer through the WhatsApp Cloud API: the row (keyed by a client-made
-- reply_key) is written before the send, the wamid as soon as Meta accepted it, so a retried send never
-- reaches the customer twice; later statuses (sent, delivered, read, failed) from the webhook update it.
CREATE TABLE IF NOT EXISTS whatsapp_replies (
    id BIGINT NOT NULL AUTO_INCREMENT,
    reply_key VARCHAR(191) COLLATE utf8mb4_bin NOT NULL,
    message_id VARCHAR(191) COLLATE utf8mb4_bin NOT NULL,
    phone_number VARCHAR(32) NOT NULL,
    kind VARCHAR(16) NOT NULL DEFAULT 'text',
    body TEXT NOT NULL,
    sent_by VARCHAR(255) NOT NULL,
    status VARCHAR(16) NOT NULL DEFAULT 'sending',
    wamid VARCHAR(191) COLLATE utf8mb4_bin NULL,
    attempts INT NOT NULL DEFAULT 0,
    error_code INT NULL,
    error_detail TEXT NULL,
    attempted_at DATETIME(6) NULL,
    status_at DATETIME(6) NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_whatsapp_replies_reply_key (reply_key),
    UNIQUE KEY uq_whatsapp_replies_wamid (wamid),
    KEY ix_whatsapp_replies_message (message_id),
    CONSTRAINT fk_whatsapp_replies_message FOREIGN KEY (message_id)
        REFERENCES webhook_messages (message_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Reactions, recorded against the message they react to.
CREATE TABLE IF NOT EXISTS message_reactions (
    id BIGINT NOT NULL AUTO_INCREMENT,
    reaction_id VARCHAR(191) COLLATE utf8mb4_bin NOT NULL,
    message_id VARCHAR(191) COLLATE utf8mb4_bin NOT NULL,
    phone_number VARCHAR(32) NOT NULL,
    emoji VARCHAR(32) NOT NULL DEFAULT '',
    reacted_at DATETIME(6) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_message_reactions_reaction_id (reaction_id),
    KEY ix_message_reactions_message (message_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Group chats whose messages need a faster answer.
CREATE TABLE IF NOT EXISTS critical_groups (
    id BIGINT NOT NULL AUTO_INCREMENT,
    group_name VARCHAR(255) NOT NULL,
    description VARCHAR(255) NOT NULL DEFAULT '',
    min_priority VARCHAR(16) NOT NULL DEFAULT 'high',
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_critical_groups_group_name (group_name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Customers whose messages need a faster answer, by phone number.
CREATE TABLE IF NOT EXISTS important_customers (
    id BIGINT NOT NULL AUTO_INCREMENT,
    phone_number VARCHAR(32) NOT NULL,
    name VARCHAR(255) NOT NULL DEFAULT '',
    tier VARCHAR(32) NOT NULL DEFAULT 'vip',
    min_priority VARCHAR(16) NOT NULL DEFAULT 'high',
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_important_customers_phone_number (phone_number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Periodic snapshots of the statistics, one per period.
CREATE TABLE IF NOT EXISTS system_stats (
    id BIGINT NOT NULL AUTO_INCREMENT,
    period_start DATETIME(6) NOT NULL,
    period_end DATETIME(6) NOT NULL,
    total_messages INT NOT NULL DEFAULT 0,
    open_messages INT NOT NULL DEFAULT 0,
    answered_messages INT NOT NULL DEFAULT 0,
    escalations INT NOT NULL DEFAULT 0,
    breaches INT NOT NULL DEFAULT 0,
    degraded_analyses INT NOT NULL DEFAULT 0,
    details TEXT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_system_stats_period_end (period_end)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Editable defaults: the groups whose messages are raised to at least `high`.
INSERT IGNORE INTO critical_groups (group_name, description, min_priority, active, created_at) VALUES
    ('VIP Customers', 'VIP customers', 'high', TRUE, CURRENT_TIMESTAMP(6)),
    ('Technical Support', 'Technical support team', 'high', TRUE, CURRENT_TIMESTAMP(6)),
    ('Sales Team', 'Sales team', 'high', TRUE, CURRENT_TIMESTAMP(6)),
    ('Management', 'Management', 'high', TRUE, CURRENT_TIMESTAMP(6)),
    ('Important Partners', 'Important partners and dealers', 'high', TRUE, CURRENT_TIMESTAMP(6)),
    ('İzer Yönetim', 'İzer management', 'high', TRUE, CURRENT_TIMESTAMP(6));
