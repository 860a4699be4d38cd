<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../kami_desktop/gui/backup_dialog.py" line="147"/>
        <location filename="../../kami_desktop/gui/backup_dialog.py" line="173"/>
        <location filename="../../kami_desktop/gui/backup_dialog.py" line="194"/>
        <source>备份</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/backup_dialog.py" line="148"/>
        <source>开始备份</source>
        <translation>Start backup</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/backup_dialog.py" line="151"/>
        <source>备份会把全部案件、证据原件、打码副本、存证日志和一份哈希清单保存到一个 zip 文件。请保存到 U 盘或另一块硬盘；换电脑时用“从备份恢复”。</source>
        <translation>A backup saves every case, the original evidence files, the masked copies, the evidence log and a list of hashes in one zip file. Save it to a USB stick or another disk; on a new computer, use “Restore from backup”.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/backup_dialog.py" line="159"/>
        <source>备份保存到</source>
        <translation>Save backup to</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/backup_dialog.py" line="160"/>
        <source>备份文件 (*.zip)</source>
        <translation>Backup files (*.zip)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/backup_dialog.py" line="168"/>
        <source>请先选择备份文件保存的位置。</source>
        <translation>Choose where to save the backup first.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/backup_dialog.py" line="173"/>
        <source>{name} 已存在，要用新的备份覆盖它吗？</source>
        <translation>{name} already exists. Replace it with the new backup?</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/backup_dialog.py" line="178"/>
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/backup_dialog.py" line="188"/>
        <source>备份完成：{path}（{size}）。案件 {cases} 个，证据 {exhibits} 件，原始文件 {blobs} 个，哈希已逐一记录。</source>
        <translation>Backup complete: {path} ({size}). Cases: {cases}, exhibits: {exhibits}, original files: {blobs}; the hash of every file is recorded.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/backup_dialog.py" line="192"/>
        <source>注意：备份时发现 {n} 个问题（已按现状备份），请运行“校验完整性”查看。</source>
        <translation>Note: problems found while backing up: {n} (backed up as they are). Run “Verify integrity” to see them.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/backup_dialog.py" line="0"/>
        <source>打码副本 {n} 个也已备份。</source>
        <translation> The {n} masked copies are backed up too.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../kami_desktop/gui/backup_dialog.py" line="206"/>
        <location filename="../../kami_desktop/gui/backup_dialog.py" line="238"/>
        <location filename="../../kami_desktop/gui/backup_dialog.py" line="256"/>
        <location filename="../../kami_desktop/gui/backup_dialog.py" line="278"/>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/backup_dialog.py" line="207"/>
        <source>开始恢复</source>
        <translation>Start restore</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/backup_dialog.py" line="213"/>
        <source>选择一个备份文件。恢复前会逐一核对每个文件的哈希；当前数据不会被删除，而是整体移到旁边的文件夹保留。</source>
        <translation>Choose a backup file. The hash of every file is checked before restoring; your current data is not deleted but moved, as a whole, into a folder next to it.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/backup_dialog.py" line="215"/>
        <source>备份文件（.zip）</source>
        <translation>Backup file (.zip)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/backup_dialog.py" line="222"/>
        <source>选择备份文件</source>
        <translation>Choose backup file</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/backup_dialog.py" line="223"/>
        <source>备份文件 (*.zip)</source>
        <translation>Backup files (*.zip)</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/backup_dialog.py" line="241"/>
        <source>备份时间 {when}：案件 {cases} 个，证据 {exhibits} 件，原始文件 {blobs} 个，共 {size}。</source>
        <translation>Backed up {when}: cases: {cases}, exhibits: {exhibits}, original files: {blobs}; {size} in all.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/backup_dialog.py" line="253"/>
        <source>数据目录 {dir} 中已有证据。恢复会把现有数据整体移到“{name}.old-时间”文件夹保留（不会删除），再放入备份中的数据。确定继续吗？</source>
        <translation>The data folder {dir} already holds evidence. Restoring moves the current data, as a whole, into a folder “{name}.old-&lt;time&gt;” (nothing is deleted) and then puts the backup&apos;s data in place. Continue?</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/backup_dialog.py" line="262"/>
        <source>正在核对哈希并恢复…</source>
        <translation>Checking hashes and restoring…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/backup_dialog.py" line="272"/>
        <source>恢复完成，全部哈希核对无误。</source>
        <translation>Restore complete; every hash matched.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/backup_dialog.py" line="274"/>
        <source>原来的数据已移到 {path}（未删除）。</source>
        <translation> The previous data was moved to {path} (not deleted).</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/backup_dialog.py" line="276"/>
        <source>注意：恢复后的校验发现 {n} 个问题（备份中就是这样），请运行“校验完整性”查看。</source>
        <translation>Note: problems found by the check after restoring: {n} (they were already in the backup). Run “Verify integrity” to see them.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/backup_dialog.py" line="0"/>
        <source>其中打码副本 {n} 个。</source>
        <translation> It includes {n} masked copies.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/backup_dialog.py" line="0"/>
        <source>这份备份由旧版本制作，不含打码副本；恢复后会按存证日志登记的遮盖框重新制作。</source>
        <translation> This backup was made by an older version and holds no masked copies; after the restore they are made again from the boxes recorded in the evidence log.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/backup_dialog.py" line="0"/>
        <source>打码副本 {n} 个已恢复。</source>
        <translation> {n} masked copies restored.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/backup_dialog.py" line="0"/>
        <source>按存证日志登记的遮盖框重新制作了 {n} 个打码副本（与原副本逐字节相同）。</source>
        <translation> {n} masked copies were made again from the boxes recorded in the evidence log (byte for byte the same as before).</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/backup_dialog.py" line="0"/>
        <source>提示：</source>
        <translation>Note: </translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/backup_dialog.py" line="0"/>
        <source>注意：{n} 个打码副本与清单或存证日志不符，未恢复（其余数据全部恢复，原件不受影响）：</source>
        <translation>Warning: {n} masked copies do not match the manifest or the evidence log and were left out (everything else is restored; the originals are not affected):</translation>
    </message>
</context>
<context>
    <name>_JobDialog</name>
    <message>
        <location filename="../../kami_desktop/gui/backup_dialog.py" line="60"/>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/backup_dialog.py" line="68"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/backup_dialog.py" line="70"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/backup_dialog.py" line="122"/>
        <source>已取消，没有留下不完整的文件。</source>
        <translation>Cancelled; no incomplete files were left behind.</translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/backup_dialog.py" line="124"/>
        <source>未能完成：</source>
        <translation>Could not finish: </translation>
    </message>
    <message>
        <location filename="../../kami_desktop/gui/backup_dialog.py" line="133"/>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
</TS>
