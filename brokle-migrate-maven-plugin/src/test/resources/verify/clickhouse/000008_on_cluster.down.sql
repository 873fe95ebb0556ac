DROP TABLE replicated_events ON CLUSTER brokle;
