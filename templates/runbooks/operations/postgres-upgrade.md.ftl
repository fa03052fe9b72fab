# postgres-upgrade
