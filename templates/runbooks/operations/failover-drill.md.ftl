# failover-drill
