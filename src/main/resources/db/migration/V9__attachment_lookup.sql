-- The attachment file route finds an attachment's message by containment:
-- WHERE channel_id = ? AND attachments @> '[{"id": "..."}]'
CREATE INDEX messages_attachments ON messages USING gin (attachments jsonb_path_ops);
