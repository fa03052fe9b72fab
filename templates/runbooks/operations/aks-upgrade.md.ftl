# aks-upgrade
